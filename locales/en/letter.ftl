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

## The draft

letter-draft-stats = { $characters } characters · { $words } words · about { $pages } printed { $pages ->
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
