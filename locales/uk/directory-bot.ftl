# Довідник у боті: результати пошуку, картки, перегляд, inline-режим (src/bot/features/directory).
# Факти на картці беруть ключі з directory.ftl; тут — власні екрани бота.

## Пошук.
directory-bot-search-title = 🔎 Пошук: { $query }
directory-bot-search-hint-script = Спробуйте іншу абетку: латинкою «Balukh» чи кирилицею «Балух».
directory-bot-search-hint-add-year = Знайдено багатьох: додайте рік народження, наприклад «Зейтуллаєв 1984».
directory-bot-search-stale = Цей пошук застарів. Напишіть ім'я ще раз.
directory-bot-sentence-hint = Це схоже на речення, а не на ім'я, тож я його не шукав. Щоб знайти людину, надішліть лише її ім'я, наприклад «Кагарлицький» або «Балух 1971»; щоб написати їй, натисніть «✍️ Написати листа». /help — усе, що я вмію.
directory-bot-legend-pretrial = у СІЗО
directory-bot-legend-sentenced = засуджені
directory-bot-legend-released = на волі
directory-bot-legend-deceased = померли
directory-bot-legend-unknown = статус невідомий
directory-bot-result-born = { $name }, { $year }

## Картки й посилання.
directory-bot-card-gone = Цієї людини більше немає в довіднику. Пошукайте ще раз за ім'ям.
directory-bot-link-unknown = За цим посиланням у довіднику нікого немає: можливо, воно з помилкою чи застаріло. Напишіть ім'я, щоб знайти людину, або оберіть у меню:
directory-bot-card-name-ru = Для листів (російською): { $name }
directory-bot-card-name-uk = Українською: { $name }
directory-bot-card-name-latin = Латинкою: { $name }
directory-bot-card-patronymic-unknown = (по батькові невідоме)
directory-bot-card-born-alternatives = за іншими джерелами: { $years }
directory-bot-card-location-source = Джерело про місце: { $url }
directory-bot-card-place-ru = Місце для листів (російською): { $place }
directory-bot-card-summary-before-transfer = ℹ️ Цей опис написано до переведення: де людину утримують тепер, сказано вище.
directory-bot-card-share = 📤 Поділитися
directory-bot-card-links = 🔗 Посилання для організаторів:
directory-bot-card-link-card = картка: { $url }
directory-bot-card-link-write = лист: { $url }
directory-bot-inline-open = Відкрити в «Листах»

## Перегляд.
directory-bot-browse-title = Перегляд довідника: кому мало пишуть, найближчі дні народження або список кампанії.
directory-bot-browse-few-letters = ✍️ Кому мало пишуть
directory-bot-browse-birthdays = 🎂 Найближчі дні народження
directory-bot-browse-random = 🎲 Випадкова людина (кому менше пишуть — імовірніше)
directory-bot-browse-back = ↩️ Назад
directory-bot-campaign-empty = У цій кампанії поки нікого немає.
directory-bot-list-page = Людей: { $total }. Сторінка { $page } з { $pages }.
directory-bot-few-letters-none = Зараз немає нікого, кому можна безпечно надіслати лист через «Листи». Стежте за справами, щоб дізнатися, коли це зміниться.
directory-bot-few-letters-line = { $name } — { $count }
