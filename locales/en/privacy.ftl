privacy-text =
    What Lysty stores, and for how long:

    • Your Telegram id, interface language and when you last wrote — so the bot remembers you. Not your name, username or phone number.
    • Letter drafts — until you finish or discard them. A draft untouched for { $draftDays } { $draftDays ->
        [one] day
       *[other] days
    } is deleted, together with any unfinished step and what you typed in it.
    • Finished letters — the text is deleted { $letterDays } { $letterDays ->
        [one] day
       *[other] days
    } after you finish. A letter handed to organisers keeps its text until they print or return it. The record that a letter was written (date, addressee, route, status) stays for statistics.
    • The signature you ask us to remember — until you change or delete it.
    • Cases you follow, news settings and reminders — until you unfollow.
    • Messages waiting to be sent to you. Copies of sent messages are deleted after { $letterDays } { $letterDays ->
        [one] day
       *[other] days
    }.

    Organisers see a relayed letter's text and signature, and your Telegram name only if you agreed. Our logs never contain letter text, names or message text.

    /mydata — a file with everything stored about you.
    /forget — delete all of it.
privacy-button-export = 📦 Download my data
privacy-button-forget = 🗑 Delete my data
privacy-export-caption = Everything Lysty stores about you, as of { $date }. Keep this file private: it contains your letters.
privacy-forget-confirm =
    Delete everything Lysty stores about you? This cannot be undone.

    Will be deleted:
    • your settings and remembered signature;
    • letters and drafts, with their texts: { $letters };
    • follows, news settings and reminders: { $subscriptions };
    • any step in progress and messages waiting for you.
privacy-forget-confirm-held =
    Letters that organisers have now: { $held }. They keep each letter's text, signature and addressee until they print or return it, but no longer see who you are; then the rest is deleted automatically. Messages already posted in the organisers' chat belong to them: ask them if you want those deleted.
privacy-forget-confirm-team = Records of your actions as an organiser or admin stay in the campaign's log (only ids and dates): { $records }.
privacy-forget-yes = Yes, delete everything
privacy-forget-no = No, keep it
privacy-forget-done = Done: everything Lysty stored about you is deleted. If you write to the bot again, it starts from scratch.
privacy-forget-done-held = Done. Letters that stay with organisers until they print or return them: { $held }. After that the rest is deleted automatically.
privacy-forget-kept = Nothing was deleted.
privacy-forget-expired = This confirmation is out of date. Send /forget again.
privacy-slow-down = You are sending messages too fast. I will ignore them for a minute, then you can carry on.
privacy-relay-limit = You have handed { $limit } letters to organisers in the last 24 hours — the limit for one day. You can send this one yourself (FSIN-pismo or post), or hand it to organisers after { $time } UTC.
privacy-edit-not-seen = I do not see edits of messages already sent. If you corrected something, please send the corrected text again as a new message.
command-mydata = A file of everything the bot stores about you
command-forget = Delete everything the bot stores about you
