# Справочник в боте: результаты поиска, карточки, просмотр, inline-режим (src/bot/features/directory).
# Факты на карточке берут ключи из directory.ftl; здесь — собственные экраны бота.

## Поиск.
directory-bot-search-title = 🔎 Поиск: { $query }
directory-bot-search-hint-script = Попробуйте другой алфавит: латиницей «Balukh» или кириллицей «Балух».
directory-bot-search-hint-add-year = Найдено много людей: добавьте год рождения, например «Зейтуллаев 1984».
directory-bot-search-stale = Этот поиск устарел. Напишите имя ещё раз.
directory-bot-sentence-hint = Это похоже на предложение, а не на имя, поэтому я его не искал. Чтобы найти человека, пришлите только его имя, например «Кагарлицкий» или «Балух 1971»; чтобы написать ему, нажмите «✍️ Написать письмо». /help — всё, что я умею.
directory-bot-legend-pretrial = в СИЗО
directory-bot-legend-sentenced = осуждены
directory-bot-legend-released = на свободе
directory-bot-legend-deceased = умерли
directory-bot-legend-unknown = статус неизвестен
directory-bot-result-born = { $name }, { $year }

## Карточки и ссылки.
directory-bot-card-gone = Этого человека больше нет в справочнике. Поищите ещё раз по имени.
directory-bot-link-unknown = По этой ссылке в справочнике никого нет: возможно, она с ошибкой или устарела. Напишите имя, чтобы найти человека, или выберите в меню:
directory-bot-card-name-ru = Для писем (по-русски): { $name }
directory-bot-card-name-uk = По-украински: { $name }
directory-bot-card-name-latin = Латиницей: { $name }
directory-bot-card-patronymic-unknown = (отчество неизвестно)
directory-bot-card-born-alternatives = по другим источникам: { $years }
directory-bot-card-location-source = Источник о месте: { $url }
directory-bot-card-place-ru = Место для писем (по-русски): { $place }
directory-bot-card-summary-before-transfer = ℹ️ Это описание написано до перевода: где человека содержат сейчас, сказано выше.
directory-bot-card-share = 📤 Поделиться
directory-bot-card-links = 🔗 Ссылки для организаторов:
directory-bot-card-link-card = карточка: { $url }
directory-bot-card-link-write = письмо: { $url }
directory-bot-inline-open = Открыть в «Листах»

## Просмотр.
directory-bot-browse-title = Просмотр справочника: кому мало пишут, ближайшие дни рождения или список кампании.
directory-bot-browse-few-letters = ✍️ Кому мало пишут
directory-bot-browse-birthdays = 🎂 Ближайшие дни рождения
directory-bot-browse-random = 🎲 Случайный человек (кому меньше пишут — вероятнее)
directory-bot-browse-back = ↩️ Назад
directory-bot-campaign-empty = В этой кампании пока никого нет.
directory-bot-list-page = Людей: { $total }. Страница { $page } из { $pages }.
directory-bot-few-letters-none = Сейчас нет никого, кому можно безопасно отправить письмо через «Листы». Следите за делами, чтобы узнать, когда это изменится.
directory-bot-few-letters-line = { $name } — { $count }
