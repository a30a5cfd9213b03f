# Case news: following, subscriptions, reminders, publishing (organisers), news messages. Dates arrive preformatted.

## Commands and the main menu (the command list takes `command-<name>` keys).
command-subscriptions = Case news I follow
command-reminders = Reminders to write
news-menu-subscriptions = 📰 Case news

## Buttons.
news-button-follow = 🔔 Follow the case
news-button-unfollow = 🔕 Unfollow
news-button-unfollow-named = 🔕 Unfollow: { $name }
news-button-remind = ⏰ Remind me to write
news-button-write = ✍️ Write a letter of support
news-button-write-to = ✍️ Write to { $name }
news-button-continue-letter = ✍️ Continue the letter
news-button-follow-campaign = ➕ Follow a whole campaign
news-button-campaign-follow = ➕ Follow the campaign «{ $name }»
news-button-campaign-following = ✓ Following the campaign «{ $name }»
news-button-reminders = ⏰ Reminders
news-button-back = ◀️ Back
news-button-add-reminder = ➕ Add a reminder
news-button-stop-reminder = ✖️ Stop: { $name }
news-button-birthdays-on = 🎂 Turn on birthday reminders
news-button-birthdays-off = 🎂 Turn off birthday reminders
news-stale-button = This button is out of date. Open /subscriptions or find the prisoner again.

## Following.
news-followed = You follow { $name } now: case news will come here.
news-unfollowed = You no longer get news about { $name }.
news-unfollowed-in-campaign = You no longer get news about { $name }. News about the other prisoners of { $campaigns } keeps coming.
news-unfollowed-short = Unfollowed.
news-campaign-followed = You follow the campaign «{ $name }»: news about all its prisoners, including those added later.
news-campaign-unfollowed = You no longer follow the campaign «{ $name }».
news-campaigns-title = Campaigns. Following one brings news about all its prisoners, including those added later:

## /subscriptions.
news-subscriptions-title = 📰 Case news you follow
news-subscriptions-empty = You do not follow anyone yet. Open a prisoner's card (/find) and press «Follow the case», or follow a whole campaign below.
news-subscriptions-campaigns = Campaigns:
news-subscriptions-prisoners = Prisoners:
news-subscriptions-muted = Not sent from those campaigns (you pressed «Unfollow» under their news):
news-button-resume-named = 🔔 Follow again: { $name }
news-resumed-short = Their news comes again.
news-delivery-immediate = At once
news-delivery-digest = Daily digest
news-delivery-immediate-chosen = Delivery: each piece of news as soon as organisers publish it.
news-delivery-digest-chosen = Delivery: one digest a day, at { $hour }:00 your time ({ $zone }).
news-delivery-immediate-set = News will come as soon as it is published.
news-delivery-digest-set = News will come once a day, at { $hour }:00 ({ $zone }).

## Reminders.
news-reminders-title = ⏰ Reminders to write
news-reminders-empty = No reminders yet. A reminder every few weeks helps: regular letters matter more than one long letter.
news-reminders-item = { $name }: { $weeks ->
        [1] every week
        [2] every two weeks
        [3] every three weeks
        [4] every four weeks
       *[other] every { $weeks } weeks
    }, next on { $next }
news-birthdays-on = Birthday reminders: on. { $days } days before the birthday of a prisoner you follow (when a source gives the date), I will remind you.
news-birthdays-off = Birthday reminders: off.
news-birthdays-turned-on = Birthday reminders are on.
news-birthdays-turned-off = Birthday reminders are off.
news-reminder-pick-prisoner = Whom should I remind you to write to?
news-reminder-pick-nobody = You do not follow anyone who can receive letters now. Follow a prisoner first (/find).
news-reminder-ask-weeks = How often should I remind you to write to { $name }?
news-reminder-every = { $weeks ->
        [1] every week
        [2] every two weeks
        [3] every three weeks
        [4] every four weeks
       *[other] every { $weeks } weeks
    }
news-reminder-set = Done: I will remind you to write to { $name } { $weeks ->
        [1] every week
        [2] every two weeks
        [3] every three weeks
        [4] every four weeks
       *[other] every { $weeks } weeks
    }. The first reminder: { $first }.
news-reminder-cannot-write = Letters cannot reach { $name } now, so there is nothing to remind you of.
news-reminder-stopped = Reminder stopped.
news-reminder-already-stopped = This reminder is already stopped.
news-reminder-text = ⏰ Time to write to { $name }. You asked me to remind you { $weeks ->
        [1] every week
        [2] every two weeks
        [3] every three weeks
        [4] every four weeks
       *[other] every { $weeks } weeks
    }: even a few lines tell them they are not forgotten.
news-reminder-stop = ✖️ Stop this reminder
news-reminder-ended = { $name } can no longer receive letters in prison, so your reminder to write to them has been stopped.
news-birthday-text = 🎂 { $name } turns { $age } on { $date }. A birthday letter means a lot in prison: write now so that it arrives in time.
news-birthday-turn-off = Turn off birthday reminders

## News messages.
news-event-punishment-cell = 🔴 Punishment cell for { $days } { $days ->
        [one] day
       *[other] days
    }
news-event-punishment-cell-no-days = 🔴 Punishment cell
news-event-transfer = 🚚 Transferred to { $institution }, { $region }
news-event-transfer-unknown = 🚚 Transferred; the new place is not known yet
news-event-hunger-strike = ⚠️ Hunger strike
news-event-health = 🩺 Health
news-event-court = ⚖️ Court: hearing, verdict or sentence
news-event-release = 🕊 Released
news-event-exchange = 🕊 Freed in an exchange
news-event-other = 📰 Case news
news-source = Source:
news-consequence-support = A letter now tells them they are not alone.
news-consequence-transfer = The address on the prisoner's card has been updated. Letters sent to the old place may not reach them.
news-consequence-free = Letters to prison are no longer needed. Thank you to everyone who wrote.
news-digest-title = 📰 Case news, { $date }: { $count } { $count ->
        [one] update
       *[other] updates
    }
news-note-draft-transfer = { $name } has been moved to another place of detention. Your unfinished letter is kept; when you finish it, the delivery instructions will use the new address.
news-note-draft-closed = Good news: { $name } is free. Your unfinished letter to them is closed — it no longer needs to go to a prison. Thank you for wanting to support them.
news-write-not-possible = { $name } can no longer receive letters in prison.

## Channel posts offered as news.
news-offer-text = A post in «{ $channel }» mentions { $name } ({ $hashtag }). Publish it as case news for their followers?
news-offer-button = 📣 Publish as news
news-offer-ask-language = Which language is the channel post written in? Subscribers reading it get it as written; you can add the other languages next.
news-offer-language-press = Choose the post's language with a button above, or send /cancel to stop.
news-offer-already-published = This post has already been published as news.

## Publishing (/news).
news-publish-not-allowed = Only organisers of a prisoner's campaign (and admins) can publish case news.
news-publish-no-longer-allowed = You can no longer publish news about this prisoner: your organiser role for their campaign has ended. Nothing was sent.
news-publish-ask-prisoner = Whose case is the news about? Type the name in any spelling.
news-publish-prisoner-none = Nobody found for «{ $query }». Try the surname alone or another spelling.
news-publish-prisoner-not-yours = Found, but not in a campaign you organise. You can publish news only about your campaigns' prisoners.
news-publish-prisoner-not-yours-pick = You cannot publish news about this prisoner. Type another name.
news-publish-prisoner-pick = Choose the prisoner:
news-publish-prisoner-pick-page = Choose the prisoner. Page { $page } of { $pages }.
news-publish-prisoner-previous = ◀️ Previous
news-publish-prisoner-next = Next ▶️
news-publish-prisoner-page-stale = This page button is out of date. Type the name again.
news-publish-ask-event = What happened to { $name }?
news-event-choice-punishment-cell = 🔴 Punishment cell
news-event-choice-transfer = 🚚 Transfer
news-event-choice-hunger-strike = ⚠️ Hunger strike
news-event-choice-health = 🩺 Health
news-event-choice-court = ⚖️ Court
news-event-choice-release = 🕊 Release
news-event-choice-exchange = 🕊 Exchange
news-event-choice-other = 📰 Other
news-publish-use-buttons = Please choose with the buttons above.
news-publish-ask-days = For how many days? Send a number, or press the button if the source does not say.
news-publish-days-unknown = Not known
news-publish-days-invalid = Send the number of days, from 1 to 365.
news-publish-ask-institution = Where have they been moved? Type the name or the city of the place of detention (e.g. «Torzhok» or «ИК-4»).
news-publish-institution-unknown = Not known yet
news-publish-institution-none = No place of detention in the directory matches «{ $query }». Try another word; if it is missing, ask an admin to add it, or press «Not known yet».
news-publish-institution-pick = Choose the place of detention:
news-publish-ask-text = Send the text of the news in { $language }, as subscribers should read it.
news-publish-text-empty = The text is empty. Send the text of the news.
news-publish-text-too-long = That is too long: at most { $max } characters, so that the news fits in one message.
news-publish-ask-translations = Subscribers read the news in their interface language. Add the text in another language? Those without it get your text as written.
news-publish-add-translation = Add { $language }
news-publish-continue = Continue ▶️
news-publish-ask-source = Send a link to the source (https://…), or skip.
news-publish-ask-source-required = Send a link to the source (https://…). It is required: this news changes the prisoner's card, and every fact there shows its source.
news-publish-skip = Skip
news-publish-source-invalid = That does not look like a web link. Send a link starting with https://
news-publish-source-required-ended = Publishing stopped: this news needs a source link.
news-publish-preview-intro = Preview: this is exactly what subscribers who read { $language } will get. Others get the same in their language, with your text where there is no translation.
news-publish-preview-translation = And this is what subscribers who read { $language } get:
news-publish-preview-buttons = Buttons under the message: { $buttons }.
news-publish-audience = It goes to { $immediate } { $immediate ->
        [one] follower
       *[other] followers
    } now.
news-publish-audience-digest = { $digest } more will get it in their daily digest.
news-publish-question = Publish?
news-publish-effect-transfer = Publishing also updates the prisoner's card with the new place, and tells writers with an unfinished letter that the address changed.
news-publish-effect-free = Publishing also marks the prisoner as free on their card, removes the letter buttons and closes unfinished letters to them with a kind note.
news-publish-button-publish = 📣 Publish
news-publish-button-edit = ✏️ Change the text
news-publish-button-cancel = ✖️ Cancel
news-publish-cancelled = Cancelled: nothing was published.
news-publish-gave-up = Let's stop here. Start again with /news when you are ready.
news-publish-failed-prisoner-missing = Not published: this prisoner is no longer in the directory.
news-publish-failed-institution-missing = Not published: that place of detention is no longer in the directory.
news-publish-failed-needs-source = Not published: this news needs a source link.
news-publish-failed-offer-used = Not published: another organiser has already published this post.
news-publish-failed-already-published = Not published again: this news went out when you first pressed Publish; the message above shows how its sending goes.
news-language-uk = Ukrainian
news-language-en = English
news-language-ru = Russian

## The organiser's progress message and report.
news-progress-preparing = 📣 Preparing to send…
news-progress-sending = 📣 Sending news about { $name }: { $sent } of { $total } delivered, { $failed } failed.
news-progress-eta-seconds = About { $value } s left.
news-progress-eta-minutes = About { $value } min left.
news-progress-digest = { $count } more will get it in their daily digest at { $hour }:00 their time.
news-report = ✅ Done: the news about { $name } reached { $sent } of { $total } { $total ->
        [one] follower
       *[other] followers
    }.
news-report-failed-hint = Not delivered: { $failed }. These are people who blocked the bot (they no longer count as followers) or chats Telegram kept refusing after several tries.
news-report-digest-only = Published. Followers of { $name } chose the daily digest: { $count } will get it at { $hour }:00 their time.
news-report-nobody = Published. Nobody follows { $name } yet, so no messages were sent.
command-news = Publish case news
news-button-timezone = 🕰 Time zone: { $zone }
news-timezone-title = 🕰 Your time zone: { $zone }. The digest comes at { $digest }:00 and reminders to write at { $reminder }:00, this zone's time. Pick another with a button or send its name, e.g. /timezone Europe/Prague
news-timezone-set = Time zone: { $zone }. The digest at { $digest }:00, reminders at { $reminder }:00, this zone's time.
news-timezone-unknown = I do not know the time zone «{ $name }». Send a name such as Europe/Prague or America/Chicago, or a city in Latin or Cyrillic letters (/timezone Prague, /timezone Прага), or pick one below.
command-timezone = Time zone of the digest and reminders
