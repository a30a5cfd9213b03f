privacy-text =
    What Lysty stores, and for how long:

    • Your Telegram id, interface language and when you last wrote — so the bot remembers you. The bot does not store your Telegram name, username or phone number; the one exception is a letter's card for organisers, when you agreed to show them your name (below).
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

    Organisers see a relayed letter's text and signature. Your Telegram name and username are on the letter's card only when you agreed to that while handing the letter over; /forget takes them off the card. Our logs never contain letter text, names or message text.

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
privacy-forget-confirm-organiser = You also stop being an organiser of { $campaigns }: the organiser commands leave your menu, and an admin can invite you again.
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
privacy-export-about = Everything Lysty stores about this Telegram account, table by table, as stored. «what_is_what» says what each table holds. «team_records» are your actions as an organiser or admin on shared data: they stay after /forget as the campaign's accountability log.
privacy-export-table-users = your Telegram id, interface language, when you last wrote to the bot
privacy-export-table-conversation-state = the step you are in the middle of (e.g. a letter being written)
privacy-export-table-letters = your letters and drafts: recipient, text (until it is deleted), route, status
privacy-export-table-prisoners = people not in the list as you described them (name, birth year, facility), seen only by you and the organisers until they are added
privacy-export-table-relayed-letters = letters handed to organisers and what happened to them
privacy-export-table-rate-limit-windows = a count of your messages in the last minute (flood protection)
privacy-export-table-writer-profiles = the signature you asked the bot to remember
privacy-export-table-news-follows = prisoners and campaigns you follow
privacy-export-table-news-mutes = prisoners of a followed campaign you muted
privacy-export-table-news-preferences = how news reaches you (at once or as a digest), birthday reminders, time zone
privacy-export-table-news-digest-items = news waiting for your daily digest
privacy-export-table-news-reminders = your reminders to write
privacy-export-table-news-scheduled-sends = which digests and birthday reminders were already sent to you
privacy-export-table-outbox = messages waiting to be sent to you, and copies of sent ones (until deleted)
privacy-export-table-organisers = campaigns you organise
privacy-export-table-organiser-invites = organiser invites you created or redeemed
privacy-export-table-directory-reviews = people you asked to add to the directory and disagreements you settled
privacy-export-table-directory-uploads = directory files you sent to the bot: which of your messages carried one, and when it was imported
privacy-export-table-directory-upload-runs = directory files you sent to the bot: which of your messages an import run reads the file of
privacy-export-table-letter-replies = prisoners' replies passed on to you
privacy-export-table-letter-translations = translations of your letters
privacy-export-table-forget-requests = your requests to delete your data
privacy-export-table-audit-log = your actions as an organiser or admin (ids and dates only)
privacy-export-table-news-posts = news you published as an organiser
privacy-export-table-campaign-chats = chats you linked to campaigns
privacy-export-table-organisation-desk = the organisation desk you linked
privacy-export-table-print-batches = letter batches you printed
privacy-export-table-prisoner-history = directory changes you made
privacy-letters-held-after-forget = On { $date } you asked to delete your data. Everything is deleted except { $count ->
        [one] the letter
       *[other] the letters
    } organisers still hold ({ $names }): to print and pass { $count ->
        [one] it
       *[other] them
    } on, they keep the text, the signature and the recipient until they print or return { $count ->
        [one] it
       *[other] them
    }. They no longer see who you are. You are using the bot again, so to delete the rest after that, send /forget once more.
