## Roles: invites and the organiser list

organisers-admin-only = Only Lysty's administrators can do this.
organisers-not-organiser = This is a tool for campaign organisers. If you organise letters for a campaign, ask an administrator for an invite link.
organisers-not-organiser-of = You are not an organiser of the campaign «{ $campaign }».
organisers-not-your-campaign = Only organisers of this letter's campaign can do this.
organisers-unknown-campaign = There is no campaign «{ $campaign }». Campaign ids look like crimean-political-prisoners.
organisers-unknown-prisoner = Nobody called «{ $prisoner }» is in the directory. Type the surname as the prisoner's card shows it, in any spelling.
organisers-invite-choose = Which campaign is the new organiser for?
organisers-invite-created =
    Invite for the campaign «{ $campaign }»: it works once and expires in { $hours } hours.

    { $link }

    Send it only to the person who will organise, in private. Whoever opens it first becomes an organiser.
organisers-invite-unknown = This invite link is not valid. Check that it was copied whole, or ask for a new one.
organisers-invite-used = This invite link has already been used. Each link works once: ask the administrator for a new one.
organisers-invite-expired = This invite link has expired. Ask the administrator for a new one.
organisers-invite-welcome =
    You are now an organiser of «{ $campaign }» (id <code>{ $id }</code>). Thank you!

    What you can do:
    • add me to your group and send /link { $id } there, or make me an administrator allowed to post in your channel and send me in private: /link { $id } @channel;
    • relayed letters arrive there with buttons: accept, return to the writer with a reason, printed, sent, reply received;
    • /news — tell the prisoner's followers about a punishment cell, a transfer, a trial or a release;
    • /print — accepted letters as a PDF, grouped by institution;
    • /stats — letters per prisoner this week and month, and who has had none;
    • /setstatus and /move — correct a prisoner's status or institution, with a source link; /review — settle what the public registries disagree on;
    • /campaigns — your campaigns and where their letters arrive.
organisers-invite-redeemed-admin = { $user } used your invite and is now an organiser of «{ $campaign }».
organisers-invite-already = You are already an organiser of «{ $campaign }» (id <code>{ $id }</code>): this invite changed nothing. /campaigns lists your campaigns, /help your tools.
organisers-invite-unneeded-admin = { $user } opened your invite to «{ $campaign }» but is already an organiser of it: nothing changed, and the link is used up. To invite someone else, create a new one with /invite.
organisers-list-title = Organisers by campaign:
organisers-list-empty = There are no organisers yet. Create an invite with /invite.
organisers-list-entry = • { $user }, since { $since }
organisers-list-revoke = Revoke { $user } · { $campaign }
organisers-revoked = Done: the role is revoked.
organisers-revoke-nothing = This person is no longer an organiser of that campaign.
organisers-revoked-notice = You are no longer an organiser of «{ $campaign }». If this is a mistake, contact the administrator.

## Linking a chat

organisers-link-usage-group = Send /link followed by the campaign id, for example: /link crimean-political-prisoners
organisers-link-usage-private = To link a channel, add me to it as an administrator allowed to post, then send me: /link campaign-id @channel (or the channel's numeric id). To link a group, send /link campaign-id in that group.
organisers-link-from-private = Commands in a channel do not say who sent them, so I cannot check the role here. Send me in private: /link campaign-id @channel
organisers-link-chat-unreachable = I cannot see that chat. Add me to it first (in a channel: as an administrator allowed to post), then try again.
organisers-link-wrong-chat-type = Letters can only be relayed to a group or a channel.
organisers-link-not-chat-admin = Only an administrator of this chat can link it: letters are private, so whoever runs the chat must decide.
organisers-rights-not-member = I am not a member of «{ $chat }». Add me, then send /link again.
organisers-rights-not-admin = In the channel «{ $chat }» I am not an administrator, so I cannot post. Make me an administrator with the right to post messages, then send /link again.
organisers-rights-no-post-right = In the channel «{ $chat }» I am an administrator but without the right to post messages. Turn on “Post messages” for me, then send /link again.
organisers-rights-cannot-send = In «{ $chat }» I am not allowed to send messages. Lift the restriction, then send /link again.
organisers-linked = Done: relayed letters for «{ $campaign }» now arrive in «{ $chat }».
organisers-link-checked = «{ $chat }» already receives the relayed letters for «{ $campaign }». Checked again just now: you run this chat, and the bot can post in it.
organisers-linked-released = { $count ->
    [one] One waiting message is being posted now.
   *[other] { $count } waiting messages are being posted now.
}
organisers-unlink-usage = Send /unlink followed by the campaign id, for example: /unlink crimean-political-prisoners
organisers-unlink-nothing = The campaign «{ $campaign }» has no chat linked here.
organisers-unlinked = Done: the campaign «{ $campaign }» no longer relays letters to this chat. Letters already waiting stay queued until you link a chat again; until then writers are not offered this route.
organisers-chat-broken = ⚠️ I can no longer post to «{ $chat }», where letters for { $campaigns } arrive.
organisers-chat-problem-removed = I was removed from the chat, or it no longer exists.
organisers-chat-problem-rights = I lack the right to post there.
organisers-chat-problem-other = Telegram answered: { $error }
organisers-chat-broken-held = No letter is lost: they are kept and will be posted as soon as I can post there again. Add me back (in a channel: as an administrator allowed to post), or link another chat with /link.
organisers-chat-restored = ✅ I can post to «{ $chat }» again ({ $campaigns }). { $released ->
    [0] Nothing was waiting.
    [one] One waiting message is being posted now.
   *[other] { $released } waiting messages are being posted now.
}
organisers-relay-failed = ⚠️ Telegram refused the relayed letter { $reference } for good ({ $error }). The letter is kept in the database; please look into it.

## The card under each relayed letter

organisers-card-title = ✉️ <b>Letter { $reference }</b>
organisers-card-campaign = Campaign: { $campaign }
organisers-card-to = To: { $recipient }
organisers-card-institution = Institution: { $institution }
organisers-card-institution-unknown = Institution: not known — check before sending.
organisers-card-institution-stale = ⚠️ Location as of { $asOf } may be out of date — check before sending.
organisers-card-address = Address: { $address }
organisers-card-route = Suggested route: { $route }
organisers-route-fsin-pismo = FSIN-pismo
organisers-route-post = post
organisers-route-unknown = unknown (no confirmed current address)
organisers-card-check = Check: { $findings }
organisers-card-check-clean = Check: nothing found.
organisers-card-signature = Signed: { $signature }
organisers-card-writer = Writer in Telegram: { $writer }
organisers-card-writer-hidden = Writer in Telegram: not shared (the writer chose to stay anonymous).
organisers-card-text-below = { $parts ->
    [one] The letter follows in the next message.
   *[other] The letter follows in the next { $parts } messages.
}
organisers-card-text-file = The letter is long: it follows as a .txt file.
organisers-card-status = Status: <b>{ $status }</b> · { $at } UTC
organisers-finding-war = war and army
organisers-finding-ukraine-symbols = Ukrainian symbols and slogans
organisers-finding-banned-org = banned organisations
organisers-finding-politics = politics
organisers-finding-case = the criminal case
organisers-finding-code = codes and abbreviations
organisers-finding-profanity = swearing
organisers-finding-language = language
organisers-finding-lgbt = LGBTQ+
organisers-finding-prison = prison conditions
organisers-finding-contraband = money and forbidden items
organisers-finding-contacts = contacts
organisers-finding-tone = tone
organisers-button-accept = ✅ Accept
organisers-button-return = ↩️ Return
organisers-button-printed = 🖨 Printed
organisers-button-sent = 📮 Sent
organisers-button-reply = 💌 Reply received
organisers-button-back = ← Back
organisers-return-reason-language = Not in Russian
organisers-return-reason-wording = Risky wording
organisers-return-reason-address = No reliable address now
organisers-return-choose = Why is it returned? The writer will see the reason.
organisers-status-returned = Returned to the writer
organisers-status-done = Done: { $status }.
organisers-status-conflict = Not changed: the letter is already “{ $status }”.

## Notices to writers

organisers-writer-accepted = ✅ The organisers accepted your letter { $reference } to { $prisoner }. They will print it and send it on.
organisers-writer-returned = ↩️ The organisers returned your letter { $reference } to { $prisoner }.
organisers-writer-returned-reason = Reason: { $reason }. You can fix it and send it again.
organisers-writer-edit-button = ✏️ Edit and send again
organisers-writer-printed = 🖨 Your letter { $reference } to { $prisoner } is printed and will go out soon.
organisers-writer-sent = 📮 Your letter { $reference } to { $prisoner } has been sent. Delivery through the prison censor takes a while.
organisers-writer-reply-received = 💌 A reply to your letter { $reference } to { $prisoner } has arrived! The organisers will tell you how to get it.
organisers-reopened = Your letter is a draft again: fix it here, then press “Done” to check it and send it once more.
organisers-reopen-draft-exists = You already have a draft to this person. Finish or discard it first.
organisers-reopen-not-returned = This letter is no longer waiting to be fixed.
organisers-reopen-not-writable = This returned letter cannot be sent again now, so it stays as it is (to { $name }). Why, and what you can do instead:

## Print

organisers-print-nothing = There are no accepted letters waiting to be printed.
organisers-print-caption = { $letters ->
    [one] One letter
   *[other] { $letters } letters
} for { $institutions ->
    [one] one institution
   *[other] { $institutions } institutions
}, each on its own page. Mark them printed once they are on paper.
organisers-print-mark = 🖨 Mark { $letters } as printed
organisers-print-already = This batch has already been marked printed.
organisers-print-marked = Done: { $printed } marked printed; the writers are told.
organisers-print-marked-skipped = { $printed } marked printed; { $skipped } skipped because their status changed meanwhile (returned, or handled by someone else).

## Statistics

organisers-stats-title = 📊 Letters written (any route): last 7 days / last 30 days.
organisers-stats-totals = In total: { $week } / { $month } · followers of the campaign: { $followers }
organisers-stats-prisoner = • { $prisoner }: { $week } / { $month } · followers: { $followers }
organisers-stats-no-letters = No letters in 30 days: { $prisoners }
organisers-stats-no-letters-none = Everyone who can receive letters got at least one in 30 days.
organisers-stats-no-campaigns = There are no campaigns in the directory yet.

## Directory corrections

organisers-setstatus-usage = Send /setstatus followed by the prisoner's name in any spelling, for example: /setstatus Kagarlitsky
organisers-move-usage = Send /move followed by the prisoner's name in any spelling, for example: /move Kagarlitsky
organisers-correction-not-allowed = Only organisers of this prisoner's campaigns can correct the record.
organisers-correction-pick = Whose record do you correct?
organisers-correction-pick-page = Whose record do you correct? Page { $page } of { $pages }.
organisers-correction-pick-refine = Whose record do you correct? More people match than fit here: send the command again with more of the name.
organisers-correction-previous = ◀️ Previous
organisers-correction-next = Next ▶️
organisers-prisoner-status-pretrial = pre-trial detention
organisers-prisoner-status-sentenced = serving a sentence
organisers-prisoner-status-released = released
organisers-prisoner-status-exchanged = freed in an exchange
organisers-prisoner-status-deceased = deceased
organisers-prisoner-status-unknown = unknown
organisers-setstatus-current = <b>{ $prisoner }</b>: now “{ $status }” (as of { $asOf }). Choose the new status:
organisers-setstatus-confirm =
    Save this?
    <b>{ $prisoner }</b>: “{ $status }” as of { $asOf }
    Source: { $source }
organisers-move-current = <b>{ $prisoner }</b>: now { $institution }. Where is the person held now? Choose below, or send the facility's number and town to search for it (for example "ИК-1 Ярославль").
organisers-move-none = not known / not held
organisers-move-confirm =
    Save this?
    <b>{ $prisoner }</b>: { $institution } as of { $asOf }
    Source: { $source }
organisers-correction-ask-source = Send the link to the source that says so (a news article, a court record, a lawyer's post). It is kept with the change.
organisers-correction-bad-source = That is not a link. Send an address starting with https://
organisers-correction-ask-date = Since when is this true? Press the button for today, or send a date as 2026, 2026-02 or 2026-02-16.
organisers-correction-today = Today, { $date }
organisers-correction-bad-date = Send a date as 2026, 2026-02 or 2026-02-16, not in the future.
organisers-correction-gave-up = Let us start over later: send the command again when you are ready.
organisers-correction-save = 💾 Save
organisers-correction-cancel = Cancel
organisers-correction-cancelled = Cancelled: nothing was changed.
organisers-setstatus-press = Choose the new status with a button above (typed text is not read here), or send /cancel to stop.
organisers-move-press = Choose the institution with a button above, or send its number and town to search (for example "ИК-1 Ярославль"), or send /cancel to stop.
organisers-correction-press-save = Press “Save” or “Cancel” above (typed text is not read here), or send /cancel to stop.
organisers-correction-changed = Saved. The change is in the prisoner's history with your source.
organisers-correction-confirmed = Saved: the value was already the same, its date and source are updated.
organisers-correction-kept = Not changed: the directory holds newer information than that date.
organisers-correction-refused = Not saved: you are no longer an organiser of this prisoner's campaigns.
organisers-correction-stale-button = This button belongs to a correction that is over: nothing was changed. Send /setstatus or /move again.
organisers-move-search-none = No facility matches “{ $query }”. Try only the number and the town, or the region.
organisers-move-search-pick = Choose the facility, or send another search:
