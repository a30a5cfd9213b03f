## Writing a letter: guidance, the letter constructor, the draft, delivery.
## Facts and their sources: research/censorship-and-delivery.md. Russian letter text is not here: data/letter-starter.json.

## Guidance before writing

letter-guidance-language-ru = Write in Russian. Letters in other languages, Ukrainian included, wait for translation or are simply not handed over; one came back stamped “correspondence allowed only in Russian”. Simple Russian is fine: your support matters more than perfect grammar.
letter-guidance-language-by = Write in Russian or Belarusian only: letters in other languages are thrown away (Libereco).
letter-guidance-avoid-ru = Leave out: the war and the army; slogans and symbols, “Crimea is Ukraine” included; organisations banned in Russia; insults to officials and calls to protest; abbreviations, slang, codes and foreign words; LGBTQ+ topics (they can put the prisoner at risk from inmates and staff); money, phones and prison conditions. Such letters are not delivered, and private letters have led to criminal cases.
letter-guidance-avoid-by = Leave out anything political, even in passing, and the words “freedom” and “fight”. Do not ask about food, the administration or cell-mates.
letter-guidance-case-pretrial = The case is still being investigated: do not mention it at all — no details, evidence, other people in the case or your opinion of it. In pre-trial detention such a letter can end up with the investigator and harm the defence.
letter-guidance-case = Do not discuss the criminal case — details, evidence, other people in it: it can harm the prisoner legally (Memorial).
letter-guidance-tone = Warmth, not pity. Avoid “hang in there”, “cheer up” and “freedom is near”: prisoners have asked people not to write that.
letter-guidance-topics = What people in prison like to read: everyday life, films, books, work, pets, news from their own field. Introduce yourself and ask questions, so there is something to answer.
letter-guidance-by-relatives-only = Be prepared: after sentencing, political prisoners in Belarus often receive letters only from close relatives (Viasna). Your letter may not be handed over.
letter-guidance-by-pretrial-arbitrary = In Belarusian pre-trial detention it is arbitrary which letters are handed over (Viasna): yours may not be.
letter-guidance-by-short = Keep it short, as Belarusian organisers advise (Libereco).
letter-guidance-reply-ru = A reply is possible. On FSIN-pismo, tick the paid reply form: the prisoner answers on it by hand and you get a scan. By post, enclose blank paper, an envelope and a stamp.
letter-guidance-reply-by = To make a reply possible, enclose a blank sheet and an envelope with your own address already written on it.
letter-guidance-signature = Sign with one name you will keep using — your own or a pseudonym — rather than anonymously, so the prisoner knows it is the same person writing.
letter-guidance-writer-risk-ru = A censor reads every letter. Censors rarely pass letters on to investigators, but it has happened, and private letters have led to criminal cases: write only what you would say in front of a stranger.
letter-guidance-reply-ru-fsin = A reply is possible: on FSIN-pismo, tick the paid reply form — the prisoner answers on it by hand and you get a scan.
letter-guidance-reply-ru-post = A reply is possible: enclose blank paper, an envelope and a stamp.
letter-brief-language-ru = Write in Russian: letters in other languages are not handed over.
letter-brief-language-by = Write in Russian or Belarusian: letters in other languages are thrown away.
letter-brief-avoid-ru = No war, no politics, no details of the case: such lines are struck out or the letter is held back.
letter-brief-avoid-by = Nothing political, even in passing, and no details of the case.
letter-brief-avoid-pretrial = Do not mention the case at all: it is still being investigated. And no war or politics.
letter-brief-tone = Warmth, not pity: everyday life, a few questions — and no “hang in there”.
letter-brief-reminder-ru = A reminder: in Russian, no war, politics or the case.
letter-brief-reminder-by = A reminder: in Russian or Belarusian, short, nothing political.

## The draft

letter-draft-stats = { $characters } { $characters ->
        [one] character
       *[other] characters
    } · { $words } { $words ->
        [one] word
       *[other] words
    } · about { $pages } printed { $pages ->
        [one] page
       *[other] pages
    }
letter-draft-too-long = With this text the letter would be { $characters } characters long, and the limit is { $limit }. Shorten it, or replace the draft with a shorter text.
letter-draft-empty = There is no text in this message to add to the letter.
letter-draft-advice-short-by = This letter is about { $pages } printed { $pages ->
        [one] page
       *[other] pages
    }. For Belarus, shorter is better: organisers advise short texts.

## Letter constructor: labels

letter-starter-name-form-formal = Formal: first name and patronymic, «Вы»
letter-starter-name-form-polite = Polite: first name, «Вы»
letter-starter-name-form-informal = Informal: first name, «ты»
letter-starter-writer-gender-male = Write about me in the masculine («я узнал»)
letter-starter-writer-gender-female = Write about me in the feminine («я узнала»)
letter-starter-writer-gender-neutral = Avoid gendered forms about me
letter-starter-block-greeting = Greeting
letter-starter-block-opening = Opening
letter-starter-block-introduction = About you
letter-starter-block-question = Questions
letter-starter-block-wish = Wishes
letter-starter-block-sign-off = Sign-off

## Letter constructor: what each Russian sentence says

letter-starter-gloss-greeting-formal-hello = “Hello, { $recipientName }!” Formal, with first name and patronymic.
letter-starter-gloss-greeting-formal-respected = “Dear { $recipientName }!” Respectful, a little official.
letter-starter-gloss-greeting-polite-hello = “Hello, { $recipientName }!” Polite, by first name.
letter-starter-gloss-greeting-polite-dear = “Dear { $recipientName }, hello!” Warm and polite.
letter-starter-gloss-greeting-informal-hi = “Hi, { $recipientName }!” Informal.
letter-starter-gloss-greeting-informal-dear = “Dear { $recipientName }, hi!” Warm and informal.
letter-starter-gloss-opening-punishment-cell = “I heard things are hard for you right now, so I decided to write: let this be a letter that is simply nice to read.” It does not mention the punishment cell itself.
letter-starter-gloss-opening-birthday = “Happy birthday!”
letter-starter-gloss-intro-name-and-city = “My name is { $writerName }, my city is { $writerCity }.”
letter-starter-gloss-intro-name = “My name is { $writerName }.”
letter-starter-gloss-intro-strangers = “We have never met, but I wanted to write to you.”
letter-starter-gloss-intro-long-wanted = “I have wanted to write to you for a long time, and here I am at last.”
letter-starter-gloss-question-books = “What are you reading now? Which book would you recommend to me?”
letter-starter-gloss-question-films = “What films do you like? Is there one you could watch again and again?”
letter-starter-gloss-question-music = “What music do you love? Which song would you recommend I listen to?”
letter-starter-gloss-question-sport = “What sport did you do, and who do you support?”
letter-starter-gloss-question-chess = “Do you play chess? Who is your favourite chess player?”
letter-starter-gloss-question-history = “Which period of history interests you most, and why?”
letter-starter-gloss-question-science = “What science news would you like to hear? I will look it up and tell you in my next letter.”
letter-starter-gloss-question-technology = “What technology news interests you? I can tell you what is new.”
letter-starter-gloss-question-mathematics = “Which area of mathematics is closest to you?”
letter-starter-gloss-question-writing = “Do you write yourself? Tell me what you are working on, if you feel like it.”
letter-starter-gloss-question-ecology = “Which environmental topics are closest to you? I can tell you what is new in the field.”
letter-starter-gloss-question-art = “Do you draw? Which artists do you feel close to?”
letter-starter-gloss-question-poetry = “What poetry do you love? Perhaps you write some yourself?”
letter-starter-gloss-question-languages = “Which languages do you know, or would like to learn?”
letter-starter-gloss-question-travel = “Where did you most like to go? Tell me about a place you love.”
letter-starter-gloss-question-animals = “Do you have pets? Tell me about them, if you like.”
letter-starter-gloss-question-theatre = “Do you like the theatre? Which performance do you remember best?”
letter-starter-gloss-question-philosophy = “Which philosophers are closest to you?”
letter-starter-gloss-question-gardening = “Do you like pottering in the garden? What do you most like to grow?”
letter-starter-gloss-question-favourite-pastime = “What do you like doing most?”
letter-starter-gloss-question-letter-topics = “What would you like letters to be about?”
letter-starter-gloss-question-favourite-book-or-film = “Do you have a favourite book or film?”
letter-starter-gloss-question-memorable-place = “Which place has stayed in your memory most?”
letter-starter-gloss-question-childhood-dream = “What did you dream of becoming as a child?”
letter-starter-gloss-wish-health-books-news = “I wish you good health, interesting books and good news.”
letter-starter-gloss-wish-remembered = “Know that people remember you.”
letter-starter-gloss-wish-not-alone = “You are not alone: many people think of you.”
letter-starter-gloss-wish-good-every-day = “May every day bring something good.”
letter-starter-gloss-wish-reply-welcome = “I would be glad to hear from you, if you feel like writing.”
letter-starter-gloss-sign-off-respect = “With respect,” and then your signature.
letter-starter-gloss-sign-off-warmth = “With warmth,” and then your signature.
letter-starter-gloss-sign-off-all-the-best = “All the best!” and then your signature.
letter-starter-gloss-sign-off-until-next-letter = “Until my next letter!” and then your signature.

## Delivery

letter-delivery-not-in-custody = As far as we know, this person is no longer in custody, so Lysty does not send letters to them.
letter-delivery-letters-not-accepted = Letters to this person are not being sent at the moment; the prisoner's card says why.
letter-delivery-fsin-names-unknown = FSIN-pismo serves this institution, but we do not yet know exactly how its form names it, so we do not offer that route.
letter-delivery-no-safe-address = We do not know a safe address for { $name } right now. Please do not guess: a letter sent to the wrong place is lost.
letter-delivery-keep-draft = Your letter stays saved as a draft, and you can come back to it.
letter-delivery-organisers = Hand the letter to the organisers: they read it, choose the safest way to deliver it and let you know what happens. They may return it to you with a reason.
letter-delivery-recheck-institution = Prisoners get moved, and a letter to the old place can be lost. Check that the institution is still current before every letter.
letter-delivery-blocking-ru = Since mid-2023, letters to political prisoners have often been withheld selectively (DW). If no reply comes, it is not necessarily because of your letter.
letter-delivery-patronymic-unknown = We do not know this person's patronymic. Write the name exactly as shown and do not guess one.
letter-delivery-birth-year-unknown = We do not know the year of birth, which prisons use to tell people with the same name apart. Leave it out rather than guess.

## Delivery: FSIN-pismo

letter-fsin-step-open = Open { $url } and start a new letter.
letter-fsin-step-region = Under «Куда», choose the region: { $region }
letter-fsin-step-institution = Then choose the institution: { $institution }
letter-fsin-step-recipient = Recipient: { $recipient }
letter-fsin-step-sender = Fill in your own details as the sender; the form asks for your email and phone number.
letter-fsin-step-text = Paste the text of the letter (in Russian).
letter-fsin-step-reply-form = Tick the paid reply form: the prisoner answers on it by hand and you receive a scan.
letter-fsin-step-photos = You can attach photos: they are printed in black and white, and each costs extra.
letter-fsin-step-pay = Pay with a Russian bank card: foreign cards are not accepted.
letter-fsin-delivery-time = Delivery takes up to 3 working days, plus censorship: by law up to 3 working days (7 for a letter in a foreign language).
letter-fsin-no-russian-card = No Russian bank card? These services deliver letters to Russian prisons for you:
letter-fsin-price-item-letter = Letter: { $unitPrice } RUB
letter-fsin-price-item-reply-form = Reply form: { $unitPrice } RUB
letter-fsin-price-item-image = Images: { $quantity } × { $unitPrice } RUB = { $subtotal } RUB
letter-fsin-price-total = Estimate: { $total } RUB
letter-fsin-price-caveat = These prices were published in { $observed } ({ $source }) and may have changed: check the current price on FSIN-pismo.

## Delivery: post

letter-post-envelope-intro-ru = Write on the envelope in Russian, exactly like this:
letter-post-envelope-intro-by = Write on the envelope in Russian or Belarusian, exactly like this:
letter-post-country-note = Posting from abroad? Add the country as the last line: { $country }
letter-post-enclose-ru = For a reply, enclose blank paper, an envelope and a stamp.
letter-post-rules-ru = The letter and the address in Russian. The envelope must carry the full name, the patronymic and the year of birth.
letter-post-ask-post-office = Ask at your post office whether it accepts letters to this country and what it costs.
letter-post-enclose-by = For a reply, enclose a blank sheet and an envelope with your own address already written on it.
letter-post-rules-by = Russian or Belarusian only. A plain envelope of up to 20 g. No political context anywhere: not in the letter, not on the envelope.
letter-post-by-no-e-letters = Belarus has no state e-letter service for people outside, and the private service Pismo.bel was declared “extremist” in December 2024: do not use it.

## Intermediaries (Russian prisons)

letter-intermediary-ovd-info-letters-now-name = OVD-Info: Letters Now
letter-intermediary-ovd-info-letters-now-about = Free of charge: you write the letter on their site, they deliver it and email you any reply. Some prisoners are beyond their reach.
letter-intermediary-rosuznik-name = RosUznik
letter-intermediary-rosuznik-about = A form on their site: volunteers print and post your letter, about 2–3 days including censorship, and forward replies.
letter-intermediary-rights-in-russia-name = Rights in Russia: Write to Russia
letter-intermediary-rights-in-russia-about = Translates letters from English into Russian and posts them (about £2.50 a letter); replies are translated for you.

## Letter statuses and routes

letter-status-draft = Draft
letter-status-finished = Ready to send
letter-status-relayed = With the organisers
letter-status-accepted = Accepted by the organisers
letter-status-returned = Returned to you
letter-status-printed = Printed
letter-status-sent = Sent
letter-status-reply-received = Reply received
letter-status-discarded = Discarded
letter-status-closed = Closed
letter-route-fsin-pismo = FSIN-pismo
letter-route-post = By post
letter-route-organisers = Through the organisers

## The letter flow in the bot (src/bot/features/letter): screens, buttons and notes

letter-ui-search-prompt = Who would you like to write to? Send the surname in any spelling: Ukrainian, Russian or Latin (for example, Kagarlitsky).
letter-ui-search-text-only = Please send the name as a text message.
letter-ui-search-too-long = That looks longer than a name. First tell me who the letter is for: send just the surname.
letter-ui-search-nobody = Nobody called “{ $query }” is in our directory. Check the spelling, try only the surname, or another spelling (Ukrainian, Russian or Latin). Lysty lists only people whose situation we could confirm from sources.
letter-ui-search-results = { $count ->
        [one] Found one person. Is this who you mean?
       *[other] Found { $count } people. Choose the person:
    }
letter-ui-search-more = Showing the first { $shown } of { $total }. Choose the person, or add a first name or a year of birth to narrow it down.
letter-ui-unknown-prisoner = This person is not in our directory (the link or button may be out of date). Use /write to find someone by name.
letter-ui-refused = You cannot write to { $name } through Lysty right now.
letter-ui-refused-free = 🕊 { $name } is free!
letter-ui-refused-source = Status as of { $asOf }, source: { $url }
letter-ui-guidance-russian-name = In Russian: { $name }
letter-ui-guidance-where = Held at: { $name }, { $region }
letter-ui-guidance-before = Before you write:
letter-ui-button-starter = 🧩 Help me begin in Russian
letter-ui-continue = Let's continue your letter to { $name }. It is saved as it was.
letter-ui-writing-title = Letter to { $name }
letter-ui-writing-closing-note = Your messages go in before the closing of the starter (the wishes and the sign-off).
letter-ui-writing-so-far = Your draft so far: { $stats }
letter-ui-button-done = ✅ Done: check the letter
letter-ui-button-show = 👁 Show the draft
letter-ui-button-replace = 🔁 Replace all of it
letter-ui-button-discard = 🗑 Discard the letter
letter-ui-saved = Saved. { $stats }
letter-ui-saved-next = Send more text, or press “Done” to check the letter.
letter-ui-saved-after-refusal = ⚠️ Your message before this one was not saved (it would have passed the limit), so the letter is without it. If both are parts of one long text, replace the draft with a shorter version (“Replace all of it”).
letter-ui-long-for-telegram = This is longer than one Telegram message, which is fine: when the letter is ready you will get it in parts and as a file. The limit is { $limit } characters.
letter-ui-draft-unchanged = Your draft was not changed: { $stats }
letter-ui-draft-still-empty = The draft is still empty.
letter-ui-draft-safe = Your draft is safe: { $stats }
letter-ui-draft-shown = That is your draft: { $stats }
letter-ui-text-only = Only text goes into the letter: type or paste it as a message. Voice messages, stickers, photos and files cannot be added here.
letter-ui-writing-edited = Editing a message you already sent does not change the draft. Send the corrected text again, or press “Replace all of it”.
letter-ui-done-empty = The letter is still empty: send its text first.
letter-ui-replace-prompt = Send the new text of the whole letter: it will replace everything in the draft.
letter-ui-button-keep-draft = Keep the draft as it is
letter-ui-replace-cancelled = The draft stays as it was.
letter-ui-discard-confirm = Discard your letter to { $name }? Its text will be deleted.
letter-ui-button-discard-yes = Yes, discard it
letter-ui-button-discard-no = No, keep it
letter-ui-discard-kept = The letter stays. Send more text, or press “Done”.
letter-ui-discard-kept-offer = The letter stays saved.
letter-ui-discarded = The letter was discarded and its text deleted.
letter-ui-discard-nothing = There was no saved text to discard.
letter-ui-use-buttons = Please choose one of the buttons above.
letter-ui-starter-intro = Here are ready sentences in Russian. Under each one you will see what it says. Pick what fits; afterwards you can change everything and add your own words.
letter-ui-starter-ask-name-form = How would you like to address { $name }?
letter-ui-starter-ask-writer-gender = Russian phrases about the writer change with grammatical gender (“я узнал” or “я узнала”). How should they speak about you?
letter-ui-starter-pick-one = { $block }: choose one
letter-ui-starter-pick-many = { $block }: choose any, then press “Next”
letter-ui-button-skip = Skip
letter-ui-button-next = Next ➡️
letter-ui-starter-done = The beginning of your letter is in the draft. { $stats }
letter-ui-starter-next = Now add a few sentences of your own in Russian: about your day, a book, something you noticed. Send them as messages, or copy the text below, change it and send it back with “Replace all of it”.
letter-ui-starter-next-closing = Now add a few sentences of your own in Russian: about your day, a book, something you noticed. Each message goes in before the wishes and the sign-off. You can also copy the text below, change it and send it back with “Replace all of it”.
letter-ui-check-clean = ✅ The check found nothing that is known to stop this letter or put anyone at risk. A censor still reads every letter.
letter-ui-check-found-severe = The check found { $count ->
        [one] one place
       *[other] { $count } places
    } to change. { $count ->
        [1] It can stop the letter or put the prisoner or you at risk.
       *[other] Some can stop the letter or put the prisoner or you at risk.
    }
letter-ui-check-found-advice = The check found { $count ->
        [one] one suggestion
       *[other] { $count } suggestions
    } about tone. Nothing in it is known to stop the letter.
letter-ui-check-more = and { $count } more
letter-ui-check-language-detected = The letter seems to be written in: { $language }.
letter-ui-check-why = Why:
letter-ui-check-instead = Instead:
letter-ui-check-use-buttons = To change the letter, press “Edit the letter” and then send the new text.
letter-ui-button-edit = ✏️ Edit the letter
letter-ui-button-keep = Keep it as it is
letter-ui-button-stop = ⏸ Stop for now
letter-ui-stopped = Stopped. Your letter is saved: use /write to continue.
letter-ui-keep-confirm = Are you sure? Parts of this letter are likely to be struck out or to stop it, or could put { $name } or you at risk. The check can be wrong, but please read its warnings before you decide.
letter-ui-button-keep-yes = Yes, keep it as it is
letter-ui-button-keep-no = No, I will edit it
letter-ui-sign-ask = How will you sign the letter? Send a name or pseudonym and, if you like, your city on a second line. Better leave out a Ukrainian city you live in: letters can reach investigators.
letter-ui-sign-ask-remembered = How will you sign this letter?
letter-ui-button-sign-as = Sign as “{ $signature }”
letter-ui-button-sign-other = Another signature
letter-ui-sign-text-only = Please send the signature as text: a name or pseudonym, and optionally your city on a second line.
letter-ui-sign-invalid-empty = The signature is empty. Send a name or pseudonym.
letter-ui-sign-invalid-too-long = That is too long for a signature: at most { $max } characters for the name and for the city.
letter-ui-sign-invalid-too-many-lines = Send at most two lines: the name, then the city.
letter-ui-sign-remember = Sign as “{ $signature }”. Remember this signature for your next letters?
letter-ui-button-remember-yes = Yes, remember it
letter-ui-button-remember-no = No, only this letter
letter-ui-send-choose = How will you send the letter?
letter-ui-send-no-route = Your letter stays saved as a draft. Use /write to come back to it.
letter-ui-route-about-fsin-pismo = an e-letter that the prison prints and hands over. Usually the fastest, and a reply can come back on the paid reply form. Payment needs a Russian bank card; services that help without one are listed after you choose.
letter-ui-route-about-post = a paper letter in an envelope. You will get the address in Russian, exactly as it goes on the envelope.
letter-ui-share-identity = May the organisers see your Telegram name? They only need the signature to print the letter.
letter-ui-button-share-yes = Yes, show my Telegram name
letter-ui-button-share-no = No, only the signature
letter-ui-finish-failed-not-found = This letter is no longer a draft here: it may have been finished or discarded from another message. See /letters.
letter-ui-finish-failed-not-a-draft = This letter was already finished. See /letters.
letter-ui-finish-failed-empty = The letter is empty. Use /write to write it again.
letter-ui-finish-failed-no-signature = The letter needs a signature. Use /write to continue.
letter-ui-finish-failed-no-organiser-chat = The organisers cannot take letters for this person right now. Your letter stays saved as a draft: use /write to choose another way to send it.
letter-ui-finish-failed-relay-limit = You have reached the day's limit of letters handed to organisers while finishing this one. Your letter stays saved as a draft: use /write to send it yourself (FSIN-pismo or post), or hand it to organisers tomorrow.
letter-ui-done-title = Your letter to { $name } is ready. Its reference number: { $reference }
letter-ui-done-copy = Here is the letter to copy. It is also attached below as a file.
letter-ui-file-caption = The letter as a file, for printing or pasting ({ $reference }).
letter-ui-done-organisers = Your letter to { $name } went to the organisers. Its reference number: { $reference }. They read it, choose the safest way to deliver it and let you know here. They may return it to you with a reason.
letter-ui-done-footer = Thank you for writing. /letters shows your letters and what happened to them.
letter-ui-packet-fsin-title = FSIN-pismo, step by step
letter-ui-packet-price-title = Price
letter-ui-packet-post-title = By post
letter-ui-drafts-title = You have unfinished letters:
letter-ui-drafts-title-text = If that was for a letter: you have unfinished letters. Continue one, then send the text again.
letter-ui-drafts-line = to { $name }: { $stats } (last edited { $date })
letter-ui-button-continue-to = ✍️ Continue: { $name }
letter-ui-button-discard-short = 🗑 Discard
letter-ui-button-someone-else = ✉️ Write to someone else
letter-ui-stale-draft = This letter is no longer a draft: it was finished or discarded. See /letters.
letter-ui-stale-button = This button belongs to a step that is over. Your letter is saved: use /write to continue it.
letter-ui-stale-button-no-draft = This button belongs to a step that is over, and you have no unfinished letter. /letters shows your letters; /write starts a new one.
letter-ui-list-title = Your letters (page { $page })
letter-ui-list-empty = You have not written any letters yet.
letter-ui-button-write = ✍️ Write a letter
letter-ui-button-write-again = ✍️ Write again: { $name }
letter-ui-button-newer = ‹ Newer
letter-ui-button-older = Older ›
letter-ui-button-again = 📄 The letter and how to send it: { $reference }
letter-ui-again-title = Your letter to { $name } again ({ $reference }).
letter-ui-again-route-gone = The directory no longer gives this way of sending to { $name }: do not use the old address or form values. Check their card before you send the letter.
letter-ui-again-unavailable = This letter's text is no longer kept (it is deleted { $days } days after the letter is finished), or it went through the organisers.
letter-ui-button-append = ➕ Add more
letter-ui-append-prompt = Send the next part of the letter: it is added as a new paragraph.
