# Issue 12: every letter has a way to arrive (docs/routes.md).
routes-desk-name = Organisation desk
routes-desk-admins-only = Only an admin of this bot can link the organisation desk.
routes-link-public-warning = ⚠️ «{ $chat }» is public (a channel, or a group with a public @username): anyone can read what is posted there, including letters and, where writers agree, their names. Link it only if that is really what you want.
routes-link-public-yes = Yes, public: link it anyway
routes-link-replace-question = Letters for «{ $campaign }» now arrive in «{ $current }». Replace it with «{ $chat }»? Letters held for the old chat will go to the new one.
routes-link-replace-yes = Yes, replace it
routes-link-cancel = Cancel
routes-link-cancelled = Nothing changed.
routes-link-your-campaigns = Ids you can link: { $campaigns }
letter-delivery-desk = This person's campaign has no organisers' chat in Lysty, so the letter goes to the organisation desk: volunteers read it, choose the safest way to deliver it and tell you what happens. No Russian card needed, and you give no details to a Russian state service.
letter-delivery-no-desk = This bot has no organisation desk, and this person's campaign has no organisers' chat, so nobody here can pass the letter on for you. You can still send it yourself, or through a service that delivers letters.
letter-safety-organisers = 🛡 Why through organisers: they know which way is safest now, and you give no e-mail, phone or card to a Russian state service. Organisers see your letter and signature, and your Telegram name only if you agree in the next step.
letter-safety-desk = 🛡 Why through the desk: the organisation's volunteers choose the way and send it; you give no e-mail, phone or card to a Russian state service. They see your letter and signature, and your Telegram name only if you agree in the next step.
letter-safety-fsin-pismo = 🛡 Before you use FSIN-pismo: the form asks for your e-mail and phone, and payment needs a Russian bank card. The prison service and its censor see these with your letter, and censors may pass letters on to investigators. Use an e-mail and number you are comfortable sharing, and think twice if you write from Ukraine. Without a Russian card, a service such as OVD-Info's Letters Now (lettersnow.org, free, replies returned) or RosUznik (rosuznik.org) can deliver it instead.
letter-safety-post = 🛡 A paper letter carries your return address: use one you are comfortable sharing. The censor reads every letter.
letter-safety-post-by = 🛡 Belarus: letters in any language but Russian or Belarusian are thrown away, and after sentencing political prisoners often receive letters only from close relatives listed in their file. A letter from abroad or from a stranger may never be handed over; keep it short and free of politics, and put a return address you are comfortable sharing.
