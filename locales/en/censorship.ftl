## Censorship check: why a passage is risky and what to write instead.
## Facts and sources: docs/censorship.md and /work/shared/research/censorship-and-delivery.md.

censorship-war-why = Letters about the war and fighting almost never get past the censor (Memorial, Mediazona): the lines are struck out or the whole letter is withheld. In Russia people have been prosecuted for "fakes" and "discrediting the army" over private letters, so this can hurt you as well as the prisoner.
censorship-war-instead = Leave the war out entirely. Write about everyday life: your day, books, films, work, pets, the weather, shared memories, and ask about their interests.

censorship-ukraine-symbols-why = In Russia pro-Ukrainian slogans and symbols ("Glory to Ukraine", "Crimea is Ukraine", the flag, "our defenders") are treated as extremism: such a letter is not delivered and can bring trouble to the prisoner. In a 2024 letter campaign for Ukrainian prisoners of war even the words "Ukraine", "defender" and "vyshyvanka" had to be avoided.
censorship-ukraine-symbols-instead = Show support without symbols: "I think of you", "we are waiting for you", "your friends send their greetings". Memories of home and family say more than a slogan.

censorship-banned-org-why = This organisation is designated extremist, terrorist or undesirable in Russia (for example the Mejlis in 2016, FBK and Navalny's headquarters in 2021, Jehovah's Witnesses in 2017, Hizb ut-Tahrir in 2003). A mention can be read as propaganda: the letter is withheld, and the prisoner or you may face new charges.
censorship-banned-org-instead = Do not name the organisation or its people, even in passing. Write about the prisoner as a person: family, interests, daily life.

censorship-politics-why = Memorial warns against insulting the authorities and against calls to protest or to overthrow the government; critical remarks about Putin have been cut out of letters. Such text is not delivered and can be used against the prisoner or you.
censorship-politics-instead = Leave politics and judgements of the authorities out. Write about what you do, read and see, and share small good news.

censorship-politics-by-why = Belarusian prisons hand over letters arbitrarily, and any political content is a reason to withhold one. Libereco, which organises letters to Belarusian political prisoners, advises avoiding even the words "freedom" and "fight", as well as national slogans.
censorship-politics-by-instead = Write with no political context at all: everyday life, nature, books, warm memories. Keep the letter short.

censorship-case-why = Details of the criminal case (evidence, witnesses, investigators, testimony, co-defendants, defence strategy) count as information that "may interfere with establishing the truth in a criminal case": such a letter is not delivered and can harm the prisoner's defence.
censorship-case-instead = Do not discuss the case: that is the lawyer's job. Write about your life and ask about theirs: what they read, how they spend the day.

censorship-case-pretrial-why = The prisoner is in pre-trial detention: letters there are read by the administration and, when it wants to, by the investigator handling the case (law 103-FZ, art. 20). Any detail of the case, of the people in it or of your opinion of it can go straight to the investigator and hurt the defence.
censorship-case-pretrial-instead = Say nothing about the case, the charges or the people involved, not even words of support about the trial. Write about everyday things only; anything legal goes through the lawyer.

censorship-code-why = The law forbids secret writing and ciphers, and censors also strike out prison slang and obscure abbreviations. Anything that looks like a code (rows of numbers, code words, unexplained abbreviations) can get the letter withheld: a note signed "Mr. But" was once seized as secret writing.
censorship-code-instead = Write plainly: spell abbreviations out in full and avoid prison jargon.

censorship-profanity-why = Censors strike out or withhold letters with swearing: Memorial advises against foul language, and a former censor confirms that swearing is blocked.
censorship-profanity-instead = Say it without swearing: strong feelings come through in plain words.

censorship-language-ru-why = Russian prisons handle letters in Russian. Memorial: only letters written entirely in Russian are processed. A Ukrainian political prisoner's letter in Ukrainian was hatched out and stamped "correspondence is allowed only in Russian". Even where the rules allow other languages, censorship takes longer (up to 7 working days) and the letter often never arrives.
censorship-language-ru-instead = Write the whole letter in Russian, in simple words if Russian is hard for you. Organisations that relay letters (Rights in Russia, Letters to Free Crimea) can help with translation. Check the Russian text again afterwards.

censorship-language-by-why = Belarusian prisons accept letters only in Russian or Belarusian; letters in other languages are thrown away (Libereco).
censorship-language-by-instead = Write the whole letter in Russian or Belarusian, simply and briefly.

censorship-lgbt-why = Memorial warns that LGBTQ+ topics can put the prisoner in danger from homophobic prisoners and staff, even when the censor lets the letter through.
censorship-lgbt-instead = Leave these topics out of the letter, including hints about the prisoner or people close to them.

censorship-prison-why = Censors do not pass remarks about prison conditions, food, staff, violence or cell-mates. Former prisoners in Belarus advise not to write about food, relations with the administration or cell-mates' names; such questions can also cause the prisoner trouble with the administration.
censorship-prison-instead = Do not ask about conditions or the staff. Ask neutral questions: what they are reading, what they would like to hear about, what you may legally send.

censorship-contraband-why = Anything that may "facilitate a crime" is not delivered: escape, drugs, weapons, phones, SIM cards, money for staff. Such a letter can also lead to a criminal case against the prisoner or you.
censorship-contraband-instead = Never write about this, not even as a joke. If the prisoner needs something, use the prison's official parcel and money-transfer channels.

censorship-contacts-why = A former censor says phone numbers and money matters are blocked. Card numbers, phone numbers and addresses also expose you or other people, because letters can reach investigators.
censorship-contacts-instead = Leave out phone numbers, card numbers and other people's addresses. Put your return address on the envelope only, or reply through the official reply form or an organisation that relays letters.

censorship-tone-why = Prisoners say pity and "hang in there" do not help. Memorial advises against commiserating or urging them to cheer up, and Oleg Sentsov asked people not to write that freedom is near: false hope hurts.
censorship-tone-instead = Talk as to an equal: share news from your life, ask their opinion, write about shared interests. Support sounds like "I remember you" and "I want to know what you think".

## Names for the interface and the report.

censorship-category-war = War and the army
censorship-category-ukraine-symbols = Pro-Ukrainian slogans and symbols
censorship-category-banned-org = Banned organisations
censorship-category-politics = Politics
censorship-category-case = The criminal case
censorship-category-code = Codes, slang, abbreviations
censorship-category-profanity = Swearing, sexual or cynical content
censorship-category-language = Language
censorship-category-lgbt = LGBTQ+
censorship-category-prison = Prison conditions and staff
censorship-category-contraband = Escape, drugs, weapons, phones, money
censorship-category-contacts = Phone numbers, cards, addresses
censorship-category-tone = Tone

censorship-severity-block = likely struck out or not delivered
censorship-severity-danger = may harm the prisoner or you
censorship-severity-advice = advice on tone

censorship-language-name-ru = Russian
censorship-language-name-uk = Ukrainian
censorship-language-name-be = Belarusian
censorship-language-name-en = English
censorship-language-name-other = another language

censorship-system-ru = Russia (FSIN, occupied Crimea included)
censorship-system-by = Belarus

censorship-status-pretrial = in pre-trial detention
censorship-status-sentenced = sentenced
censorship-status-released = released
censorship-status-exchanged = exchanged
censorship-status-deceased = deceased
censorship-status-unknown = unknown

## The check-letter command line.

censorship-report-title = Letter check
censorship-report-system = Prison system: { $system }
censorship-report-status = Prisoner's status: { $status }
censorship-report-stats = { $characters ->
    [one] { $characters } character
   *[other] { $characters } characters
}, { $words ->
    [one] { $words } word
   *[other] { $words } words
}, about { $pages ->
    [one] { $pages } printed page
   *[other] { $pages } printed pages
}
censorship-report-languages = Languages: { $languages }
censorship-report-language-ok = The prison system accepts this language.
censorship-report-language-not-ok = Part of the text is in a language this prison system does not accept.
censorship-report-clean = Nothing risky found. Still reread the letter: the check only knows common words and patterns.
censorship-report-found = { $count ->
    [one] { $count } risky passage:
   *[other] { $count } risky passages:
}
censorship-report-finding = { $category } ({ $severity }), characters { $start }–{ $end }: «{ $excerpt }»
censorship-report-why = Why:
censorship-report-instead = Instead:

censorship-cli-usage =
    Usage: npm run --silent check-letter -- [--system ru|by] [--status STATUS] [--locale uk|en|ru] [--json | --jsonl] [FILE]
    Reads the letter from FILE, or from standard input when no file is given.
      --system   prison system: ru (Russia, occupied Crimea included, the default) or by (Belarus)
      --status   prisoner's status: pretrial, sentenced, released, exchanged, deceased, unknown
      --locale   language of the report: uk, en or ru
      --json     print the result object as JSON
      --jsonl    read one JSON object per line, {"{"}"id": "...", "text": "...", "system": "ru"{"}"}, and print one line per input
censorship-cli-unknown-option = Unknown option: { $option }
censorship-cli-missing-value = The option { $option } needs a value.
censorship-cli-bad-value = The option { $option } does not accept «{ $value }». Allowed: { $allowed }.
censorship-cli-conflicting-modes = Choose either --json or --jsonl, not both.
censorship-cli-extra-argument = Only one file can be checked at a time; unexpected: { $argument }
censorship-cli-unreadable-file = Cannot read the file { $file }.
censorship-cli-line-invalid-json = Line { $line } is not valid JSON.
censorship-cli-line-invalid-record = Line { $line } is not a letter: expected an object with "text" (a string) and optionally "id", "system" (ru or by) and "status".
