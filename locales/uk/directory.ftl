# Довідник політв'язнів: картки, статуси, причини, пошук. Роки й дати передаються готовими рядками.

## Статуси. $gender — male або female.
directory-status-pretrial = { $gender ->
    [female] у СІЗО, під слідством чи судом
   *[male] у СІЗО, під слідством чи судом
}
directory-status-sentenced = { $gender ->
    [female] засуджена, відбуває строк
   *[male] засуджений, відбуває строк
}
directory-status-released = { $gender ->
    [female] на волі
   *[male] на волі
}
directory-status-exchanged = { $gender ->
    [female] звільнена під час обміну
   *[male] звільнений під час обміну
}
directory-status-deceased = { $gender ->
    [female] померла
   *[male] помер
}
directory-status-unknown = статус невідомий

## Чому немає кнопки «Написати листа».
directory-reason-released = 🕊 Добра новина: людина на волі. Листи до в'язниці їй більше не потрібні — дякуємо всім, хто писав.
directory-reason-exchanged = 🕊 Добра новина: людину звільнили під час обміну. Листи до в'язниці їй більше не потрібні — дякуємо всім, хто писав.
directory-reason-deceased = Людина померла. Ми зберігаємо запис, щоб про неї пам'ятали.
directory-reason-relatives-only = Зараз людині передають листи лише від близьких родичів.
directory-reason-location-unknown = Невідомо, де людину утримують, тож безпечної адреси немає.
directory-reason-prisoner-request = Людина попросила поки що не писати їй незнайомим.
directory-reason-organiser-hold = Організатори тимчасово призупинили листи; зазирніть пізніше.
directory-reason-no-known-route = Безпечна адреса поки невідома. Підпишіться на новини справи, щоб дізнатися, коли вона з'явиться.

## Способи доставки.
directory-route-fsin-pismo = електронний лист через «ФСИН-письмо»
directory-route-post = пошта
directory-route-organiser-relay = через організаторів

## Застереження біля кнопки.
directory-warning-status-not-recent = Цей статус востаннє підтверджували понад пів року тому.
directory-warning-location-not-recent = Місце утримання підтверджували понад три місяці тому: людей переводять, і листи губляться. Перевірте його, перш ніж надсилати лист.
directory-warning-status-inferred = Цей статус виведено з джерел, а не підтверджено ними.
directory-warning-status-unknown = Теперішній статус невідомий.
directory-warning-pretrial = У СІЗО листи може читати й слідчий: нічого не пишіть про справу.
directory-warning-belarus-relatives = У Білорусі листи не від родичів часто не передають.

## Типи установ.
directory-institution-type-sizo = слідчий ізолятор (СІЗО)
directory-institution-type-colony = виправна колонія
directory-institution-type-prison = в'язниця
directory-institution-type-hospital = тюремна лікарня
directory-institution-type-settlement = колонія-поселення
directory-institution-type-other = місце ув'язнення

## Інтереси — лише якщо їх називає джерело.
directory-interest-mathematics = математика
directory-interest-reading = читання
directory-interest-poetry = поезія
directory-interest-writing = пише тексти
directory-interest-ecology = екологія

directory-system-ru = Росія (разом з окупованим Кримом)
directory-system-by = Білорусь

## Картка.
directory-card-age-exact = Вік: { $years }
directory-card-age-range = Вік: { $min }–{ $max } (відомий лише рік народження)
directory-card-age-unknown = Вік невідомий
directory-card-born = Дата народження: { $date }
directory-card-born-year = Рік народження: { $year }
directory-card-status = Статус: { $status }, станом на { $asOf }
directory-card-status-inferred = (виведено з джерел, не підтверджено)
directory-card-source = Джерело: { $url }
directory-card-location-current = Де утримують: { $institution }, { $region } (станом на { $asOf })
directory-card-location-last-known = Останнє відоме місце: { $institution }, { $region } (станом на { $asOf }). Найімовірніше, відтоді людину перевели.
directory-card-location-unknown = Де людину утримують, невідомо.
directory-card-interests = Інтереси
directory-card-campaigns = Кампанії
directory-card-news = Новини справи: { $hashtag }
directory-card-write = ✍️ Написати листа
directory-card-routes = Як надіслати: { $routes }
directory-card-relay-only = Безпечна адреса невідома, але організатори можуть передати ваш лист.

## Пошук.
directory-search-prompt = Напишіть ім'я в будь-якому написанні, кирилицею чи латинкою, можна з роком народження: «Зейтуллаєв 1984».
directory-search-nobody = За запитом «{ $query }» нікого не знайдено.
directory-search-hint-spelling = Спробуйте лише прізвище або інше написання: у статтях імена пишуть по-різному.
directory-search-hint-year = Якщо ви додали рік народження, спробуйте без нього: джерела інколи розходяться на рік.
directory-search-hint-short = Напишіть хоча б дві літери імені.
directory-search-hint-not-listed = У довіднику лише люди, чий статус ми перевірили за джерелом. Якщо когось немає, його можуть додати організатори.
directory-search-results = Знайдено: { $total }. Сторінка { $page } з { $pages }.
directory-search-previous = ◀️ Назад
directory-search-next = Далі ▶️
directory-search-year-differs = інший рік народження

## Дні народження та «мало листів».
directory-birthdays-title = Найближчі дні народження
directory-birthdays-none = У найближчі 30 днів немає відомих днів народження.
directory-birthday-line = { $name }: { $date } виповниться { $age }
directory-few-letters-title = Їм останнім часом мало пишуть
directory-few-letters-count = { $count ->
    [0] за 30 днів через «Листи» листів не було
    [one] за 30 днів через «Листи» { $count } лист
    [few] за 30 днів через «Листи» { $count } листи
   *[many] за 30 днів через «Листи» { $count } листів
}
