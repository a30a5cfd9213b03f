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
letter-safety-fsin-pismo = 🛡 Before you use FSIN-pismo: the form asks for your e-mail and phone, and payment needs a Russian bank card. The prison service and its censor see these with your letter, and censors may pass letters on to investigators. Use an e-mail and number you are comfortable sharing, and think twice if you write from Ukraine. Services that deliver without a Russian card are listed with the form below.
letter-safety-post = 🛡 A paper letter carries your return address: use one you are comfortable sharing. The censor reads every letter.
letter-safety-post-by = 🛡 Belarus: letters in any language but Russian or Belarusian are thrown away, and after sentencing political prisoners often receive letters only from close relatives listed in their file. A letter from abroad or from a stranger may never be handed over; keep it short and free of politics, and put a return address you are comfortable sharing.
routes-reply-caption = 💌 A reply to your letter { $reference } to { $prisoner } has arrived. Here it is, as the organisers received it.
routes-reply-writer-blocked = The reply to letter { $reference } could not be delivered: the writer has blocked the bot. Keep the scan if you can; it reaches them if they come back and ask.
routes-reply-forwarded = Please post the reply itself (as a photo or a file), not a forwarded message, in reply to the letter's card.
routes-reply-too-large = This file is over 20 MB. Please send a smaller scan or photo.
routes-reply-refused-not-a-card = This is not a letter's card. Reply with the photo or file to the card (the message with the reference and the buttons).
routes-reply-refused-not-allowed-role = Only organisers of this letter's campaign can pass a reply on to its writer.
routes-reply-refused-writer-gone = The writer has deleted their data from the bot, so the reply cannot be passed on.
routes-reply-refused-letter-closed = This letter was withdrawn or closed; the reply was not passed on.
routes-reply-forwarded-ok = ✅ Passed on to the writer of { $reference }.
routes-refusal-no-desk = This bot has no organisation desk that could take the letter on instead.
routes-refusal-services-known = A service is known to deliver letters to this person. You write and send through its own site; Lysty does not submit anything for you:
routes-refusal-services-general = Services that deliver letters to people held in Russia may be able to reach this person; check on their own sites:
routes-refusal-service-source = as of { $asOf }, source: { $source }
routes-refusal-neighbours = Other people of the same campaign can receive letters now:
routes-refusal-write-to = ✍️ Write to { $name }
command-campaigns = Your campaigns and their chats
command-link = Link a chat where letters arrive
command-unlink = Unlink a campaign's chat
command-print = Print accepted letters (PDF)
command-stats = Letters and followers per campaign
command-setstatus = Correct a prisoner's status
command-move = Record a prisoner's transfer
command-invite = Invite an organiser
command-organisers = Organisers and revoking
routes-campaigns-title = Campaigns you act for, each with the id /link takes (press one for its chat and how to link it):
routes-campaigns-none = You are not an organiser of any campaign.
routes-campaigns-no-chat = No chat is linked: letters for this campaign cannot be relayed here (they go to the organisation desk if there is one).
routes-campaigns-chat-ok = Letters arrive in «{ $chat }».
routes-campaigns-chat-broken = ⚠️ Linked to «{ $chat }», but I cannot post there: letters are held until it is fixed.
routes-campaigns-how-to-link = To link a group: add me to it, then send /link { $campaign } in the group. A channel: make me an administrator allowed to post, then send me /link { $campaign } @channel.
routes-help-organiser-title = Your organiser commands:
routes-group-private-only = { $command } works in a private chat with me, so that letters and figures stay out of groups. Open the chat and send it there.
routes-group-private-only-tool = { $command } works in a private chat with me. Open the chat and send it there.
routes-group-open-private = Open the private chat
routes-group-help = In this chat I post letters for the organisers to handle, with buttons under each. To pass a prisoner's reply on to the writer, answer the letter's card with the photo or the file (for a channel, in its discussion group). If you translate letters written in Ukrainian or English into Russian, send /translation on and answer such a card with the Russian text. Commands such as /print and /stats work in a private chat with me.
routes-self-button-sent = 📮 I sent { $reference }
routes-self-button-reply = 💌 A reply came: { $reference }
routes-self-unavailable = This letter cannot be marked like that now.
routes-self-sent = Noted: letter { $reference } is on its way. When a reply comes, press «A reply came» in /letters.
routes-self-reply = 💌 Wonderful! Letter { $reference } has a reply. To keep a photo of it here, answer this message with the photo: only you can see it, and /forget deletes it.
routes-self-reply-kept = Kept with letter { $reference }. Only you can see it; /forget deletes it.
routes-list-has-reply = 💌 reply here

## Writing in one's own language: an organiser's translation into Russian
routes-language-uk = in Ukrainian
routes-language-en = in English
routes-card-needs-translation = 🌐 Written { $language ->
    [uk] in Ukrainian
   *[en] in English
  }: the writer asks for a translation into Russian. Reply to this card with the Russian text, typed or as a .txt file; that is what will be printed.
routes-translation-offer = 🌐 Your letter is written { $language }, but the censor passes only letters in Russian (in Belarus, Belarusian too). The organisers on this route translate letters: ask them, and you will get the Russian text here. That is the version that gets printed.
routes-translation-not-offered = 🌐 Your letter is written { $language }, but the censor passes only letters in Russian (in Belarus, Belarusian too). The organisers on this route do not translate letters. You can rewrite it in Russian, or send it as it is and let the organisers decide what to do with it.
routes-translation-button-ask = 🌐 Ask for a translation into Russian
routes-translation-button-as-is = Send it as it is
routes-translation-button-edit = ✏️ Edit the letter
routes-translation-requested = 🌐 You asked for a translation into Russian. When an organiser posts it, you will get it here together with the check's result.
routes-translation-writer = 🌐 The organisers have translated your letter { $reference } to { $prisoner } into Russian. The translation is in the next message; that is the text that will be printed.
    { $check }
routes-translation-saved = ✅ Translation of { $reference } saved: this text will be printed, and the writer has received it.
routes-translation-file-empty = The file is empty: send the Russian translation as text, or as a .txt file with the text in it.
routes-translation-refused-not-allowed-role = Only the organisers of the campaign this letter belongs to can translate it.
routes-translation-refused-too-late = This letter has already been printed or closed, so the translation was not saved.
routes-translation-refused-writer-gone = The writer has deleted their data from the bot, so the translation was not saved.
routes-translation-usage = Send /translation on if the organisers in this chat translate letters written in Ukrainian or English into Russian, or /translation off if they do not.
routes-translation-in-chat = /translation on or /translation off is a setting of the chat where letters arrive: send it in that group, where it says whether its organisers translate letters written in Ukrainian or English into Russian.
routes-translation-turned-on = 🌐 Done: writers can now ask this chat for a translation into Russian. Their cards will say so; reply to such a card with the Russian text.
routes-translation-turned-off = Done: writers will no longer be offered a translation by this chat.
routes-translation-not-linked = This chat does not receive letters yet. Link it first with /link.
routes-translation-not-allowed = Only the organisers of the campaigns linked to this chat can change this (for the organisation desk, the admins).

## Before a letter goes to a public chat
routes-public-warning = ⚠️ Letters to this person go to «{ $chat }», a public chat: anyone can read what is posted there, including your letter and its signature «{ $signature }». Choose whether your Telegram name is shown as well. If the signature is your real name and you do not want it public, cancel and sign with another name.
routes-public-button-hide = Send without my Telegram name
routes-public-button-share = Send with my Telegram name
routes-public-button-cancel = Cancel: do not send
routes-public-cancelled = Nothing was sent. Your draft is kept: /letters.
routes-public-link-flagged = ⚠️ «{ $chat }», which receives letters for { $campaign }, is a public chat: anyone can read what is posted there, letters included. It was linked before Lysty asked about public chats. To keep letters private, link a private group with /link or make this chat private.

## A service recorded as delivering to this person, as a route
routes-intermediary-button = 📮 Through { $service }
routes-intermediary-packet = 📮 { $service } delivers letters to { $name } (as of { $asOf }, source: { $source }). Open their site, find the person there and paste your letter, which follows. Lysty does not send anything for you: your draft stays here, and you can still choose another route above.
routes-help-admin-title = Your admin commands:
