# Prisoner directory: cards, statuses, reasons, search. Years and dates are passed as preformatted strings.

## Status words. $gender is male or female (Russian and Ukrainian agree with it).
directory-status-pretrial = in pre-trial detention
directory-status-sentenced = serving a sentence
directory-status-released = free
directory-status-exchanged = freed in an exchange
directory-status-deceased = deceased
directory-status-unknown = status unknown

## Why there is no "Write a letter" button.
directory-reason-released = 🕊 Good news: they are free. Letters to a prison are no longer needed — thank you to everyone who wrote.
directory-reason-exchanged = 🕊 Good news: they were freed in an exchange. Letters to a prison are no longer needed — thank you to everyone who wrote.
directory-reason-deceased = They have died. We keep the record so that they are remembered.
directory-reason-relatives-only = Only letters from close relatives are handed over to them at the moment.
directory-reason-location-unknown = Where they are held is not known, so there is no safe address to give.
directory-reason-prisoner-request = They asked not to receive letters from strangers for now.
directory-reason-organiser-hold = Organisers have paused letters to them for now; please check back later.
directory-reason-no-known-route = No safe address is known yet. Follow the case to hear when that changes.

## Delivery routes.
directory-route-fsin-pismo = FSIN-pismo e-letter
directory-route-post = post
directory-route-organiser-relay = through the organisers

## Cautions beside the write button.
directory-warning-status-not-recent = This status was last confirmed more than six months ago.
directory-warning-location-not-recent = The place of detention was confirmed more than three months ago: prisoners are moved and letters get lost. Check it before you write.
directory-warning-status-inferred = This status is inferred from sources, not confirmed by one.
directory-warning-status-unknown = Their current status is not known.
directory-warning-pretrial = In pre-trial detention the investigator may read letters too: say nothing about the case.
directory-warning-belarus-relatives = In Belarus, letters from people who are not relatives are often not handed over.

## Institution types.
directory-institution-type-sizo = pre-trial detention centre (SIZO)
directory-institution-type-colony = penal colony
directory-institution-type-prison = prison
directory-institution-type-hospital = prison hospital
directory-institution-type-settlement = colony-settlement
directory-institution-type-other = place of detention

## Interests, only when a source names them.
directory-interest-mathematics = mathematics
directory-interest-reading = reading
directory-interest-poetry = poetry
directory-interest-writing = writing
directory-interest-ecology = ecology

directory-system-ru = Russia (incl. occupied Crimea)
directory-system-by = Belarus

## Card.
directory-card-age-exact = Age: { $years }
directory-card-age-range = Age: { $min }–{ $max } (only the birth year is known)
directory-card-age-unknown = Age unknown
directory-card-born = Born { $date }
directory-card-born-year = Born in { $year }
directory-card-status = Status: { $status }, as of { $asOf }
directory-card-status-inferred = (inferred, not confirmed)
directory-card-source = Source: { $url }
directory-card-location-current = Held at: { $institution }, { $region } (as of { $asOf })
directory-card-location-last-known = Last known place: { $institution }, { $region } (as of { $asOf }). They have probably been moved since.
directory-card-location-unknown = Where they are held is not known.
directory-card-interests = Interests
directory-card-campaigns = Campaigns
directory-card-news = Case news: { $hashtag }
directory-card-write = ✍️ Write a letter
directory-card-routes = How to send it: { $routes }
directory-card-relay-only = No safe address is known, but the organisers can pass your letter on.

## Search.
directory-search-prompt = Type a name in any spelling, Cyrillic or Latin, optionally with a birth year: «Zeytullaev 1984».
directory-search-nobody = Nobody found for «{ $query }».
directory-search-hint-spelling = Try the surname alone, or another spelling: articles often spell names differently.
directory-search-hint-year = If you added a birth year, try without it: sources sometimes disagree by a year.
directory-search-hint-short = Type at least two letters of the name.
directory-search-hint-not-listed = The directory only lists people whose status we could check in a source. If someone is missing, organisers can add them.
directory-search-results = Found: { $total }. Page { $page } of { $pages }.
directory-search-previous = ◀️ Previous
directory-search-next = Next ▶️
directory-search-year-differs = born in a different year

## Birthdays and "few letters".
directory-birthdays-title = Upcoming birthdays
directory-birthdays-none = No known birthdays in the next 30 days.
directory-birthday-line = { $name } turns { $age } on { $date }
directory-few-letters-title = They have had few letters lately
directory-few-letters-count = { $count ->
    [0] no letters through Lysty in the last 30 days
    [one] one letter through Lysty in the last 30 days
   *[other] { $count } letters through Lysty in the last 30 days
}
