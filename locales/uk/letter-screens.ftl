## Короткі екрани листа (issue 15): поради на вимогу, перевірка рядком на знахідку, абзаци.

letter-screens-button-more = ℹ️ Докладніше
letter-screens-start-hint = Надішліть текст листа російською — одним чи кількома повідомленнями, до { $limit } знаків. Або почніть із готових речень.
letter-screens-writing-how = Кожне повідомлення стає новим абзацом і одразу зберігається. «Показати чернетку» — щоб змінити, видалити чи пересунути абзац. До { $limit } знаків.
letter-screens-replace-then-end = Після заміни нові повідомлення додаватимуться в кінець листа.
letter-screens-saved-before-closing = Збережено перед побажаннями й прощанням. { $stats }

letter-screens-paragraphs-title = { $count ->
        [one] { $count } абзац
        [few] { $count } абзаци
       *[other] { $count } абзаців
    } · { $stats }
letter-screens-paragraphs-hint = Натисніть номер абзацу, щоб змінити, видалити чи пересунути його.
letter-screens-button-whole-text = 📄 Увесь текст, щоб скопіювати
letter-screens-paragraph-edit = Абзац { $number } з { $count } — вище, щоб скопіювати. Надішліть його новий текст, і він замінить цей абзац. Або:
letter-screens-button-delete = 🗑 Видалити абзац
letter-screens-button-up = ⬆️ Вище
letter-screens-button-down = ⬇️ Нижче
letter-screens-button-back = ↩️ До абзаців
letter-screens-paragraph-replaced = Абзац { $number } замінено.
letter-screens-paragraph-continued = Це повідомлення прийшло одразу за попереднім, тож це продовження того самого тексту: воно стало після абзацу { $number }, абзацом { $last }, а не в кінці листа. { $stats }
letter-screens-cut-joined = Збережено. Це повідомлення — продовження попереднього: Telegram розрізав довгий текст посеред абзацу, тож воно дописане в той самий абзац { $number }, а не окремим абзацом. { $stats }
letter-screens-paste-rest-refused = Це прийшло одразу за текстом для абзацу { $number }, який не збережено, тож це продовження того тексту — його теж не збережено. Чернетку не змінено.
letter-screens-paragraph-deleted = Абзац { $number } видалено.
letter-screens-paragraph-moved = Абзац { $number } пересунуто.
letter-screens-paragraph-changed = Чернетка змінилася відтоді, як з'явилася ця кнопка, тож нічого не змінено. Ось абзаци зараз:
letter-screens-paragraph-cannot-move = Далі пересунути не можна: це крайній абзац.
letter-screens-paragraph-too-long = З цим абзацом лист мав би { $characters } { $characters ->
        [one] знак
        [few] знаки
       *[other] знаків
    }, а можна щонайбільше { $limit }. Чернетку не змінено.

letter-screens-button-why = ❓ { $number }
letter-screens-button-edit-paragraph = ✏️ Абзац { $number }
letter-screens-check-hidden = …і ще { $count ->
        [one] { $count } місце
        [few] { $count } місця
       *[other] { $count } місць
    } — виправте ці, і перевірка покаже решту.
letter-screens-check-footer = ❓ — чому це важливо. ℹ️ Перевірка — не гарантія: вона може помилятися; дещо бачите лише ви — див. «Чого не бачить жодна програма».

letter-screens-short-war = без війни й армії: пишіть про буденне
letter-screens-short-war-city = не пишіть, у якому місті ви зараз
letter-screens-short-ukraine-symbols = підтримайте без гасел: «думаю про вас»
letter-screens-short-banned-org = не називайте організацію
letter-screens-short-politics = без політики й оцінок влади
letter-screens-short-case = не обговорюйте справу
letter-screens-short-code = повними словами, без скорочень і жаргону
letter-screens-short-profanity = без лайки
letter-screens-short-lgbt = оминіть цю тему: цензор її не пропустить
letter-screens-short-prison = не питайте про умови й персонал
letter-screens-short-contraband = не згадуйте заборонене навіть жартома
letter-screens-short-contacts = без телефонів, карток і адрес
letter-screens-short-tone = тепле слово замість «тримайся»
letter-screens-short-language-ru = мова — { $language }: пишіть російською
letter-screens-short-language-by = мова — { $language }: пишіть російською чи білоруською
letter-screens-short-language-latin = латинкою: наберіть кирилицею

letter-screens-starter-recipient-gender = { $gender ->
        [female] Речення звертаються до неї в жіночому роді
       *[other] Речення звертаються до нього в чоловічому роді
    } — так записано в довіднику.
letter-screens-starter-writer-gender = { $gender ->
        [female] Про вас — у жіночому роді («я дізналася»)
       *[other] Про вас — у чоловічому роді («я дізнався»)
    }, як ви обрали раніше; змінити можна кнопкою «Змінити мій рід».
letter-screens-button-regender = ⚧ Змінити мій рід
letter-screens-starter-page = Варіанти { $from }–{ $to } з { $total }.
letter-screens-button-options-more = Ще варіанти ▶️
letter-screens-button-options-back = ◀️ Попередні
