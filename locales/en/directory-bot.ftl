# Prisoner directory in the bot: search results, cards, browsing, inline mode (src/bot/features/directory).
# The card's facts use the keys of directory.ftl; these are the bot's own screens.

## Search.
directory-bot-search-title = 🔎 Search: { $query }
directory-bot-search-hint-script = Try the other alphabet: Latin «Balukh» or Cyrillic «Балух».
directory-bot-search-hint-add-year = Many people found: add the birth year to narrow it down, e.g. «Zeytullaev 1984».
directory-bot-search-stale = This search is out of date. Type the name again.
directory-bot-sentence-hint = That reads like a sentence, not a name, so I did not search for it. To find someone, send just their name, e.g. «Kagarlitsky» or «Balukh 1971»; to write to them, press “✍️ Write a letter”. /help lists everything I can do.
directory-bot-legend-pretrial = in pre-trial detention
directory-bot-legend-sentenced = sentenced
directory-bot-legend-released = free
directory-bot-legend-deceased = died
directory-bot-legend-unknown = status unknown
directory-bot-result-born = { $name }, { $year }

## Cards and links.
directory-bot-card-gone = This person is no longer in the directory. Search again by name.
directory-bot-link-unknown = This link points to nobody in the directory: it may be mistyped or out of date. Type a name to search, or choose from the menu:
directory-bot-card-name-ru = For letters (in Russian): { $name }
directory-bot-card-name-uk = In Ukrainian: { $name }
directory-bot-card-name-latin = In Latin letters: { $name }
directory-bot-card-patronymic-unknown = (patronymic not known)
directory-bot-card-born-alternatives = other sources: { $years }
directory-bot-card-location-source = Source for the place: { $url }
directory-bot-card-place-ru = The place for letters (in Russian): { $place }
directory-bot-card-summary-before-transfer = ℹ️ This description was written before the transfer: where the person is held now is said above.
directory-bot-card-share = 📤 Share
directory-bot-card-links = 🔗 Links for organisers:
directory-bot-card-link-card = card: { $url }
directory-bot-card-link-write = letter: { $url }
directory-bot-inline-open = Open in Lysty

## Browsing.
directory-bot-browse-title = Browse the directory: people who get few letters, upcoming birthdays, or a campaign's list.
directory-bot-browse-few-letters = ✍️ They get few letters
directory-bot-browse-birthdays = 🎂 Upcoming birthdays
directory-bot-browse-random = 🎲 Someone at random (fewer letters, likelier)
directory-bot-browse-back = ↩️ Back
directory-bot-campaign-empty = Nobody is listed in this campaign yet.
directory-bot-list-page = People: { $total }. Page { $page } of { $pages }.
directory-bot-few-letters-none = Right now there is nobody a letter can safely reach through Lysty. Follow cases to hear when that changes.
directory-bot-few-letters-line = { $name } — { $count }
