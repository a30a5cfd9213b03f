## Короткие экраны письма (issue 15): советы по запросу, проверка строкой на находку, абзацы.

letter-screens-button-more = ℹ️ Подробнее
letter-screens-start-hint = Отправьте текст письма по-русски — одним или несколькими сообщениями, до { $limit } знаков. Или начните с готовых предложений.
letter-screens-writing-how = Каждое сообщение становится новым абзацем и сразу сохраняется. «Показать черновик» — чтобы изменить, удалить или передвинуть абзац. До { $limit } знаков.
letter-screens-replace-then-end = После замены новые сообщения будут добавляться в конец письма.
letter-screens-saved-before-closing = Сохранено перед пожеланиями и прощанием. { $stats }

letter-screens-paragraphs-title = { $count ->
        [one] { $count } абзац
        [few] { $count } абзаца
       *[other] { $count } абзацев
    } · { $stats }
letter-screens-paragraphs-hint = Нажмите номер абзаца, чтобы изменить, удалить или передвинуть его.
letter-screens-button-whole-text = 📄 Весь текст, чтобы скопировать
letter-screens-paragraph-edit = Абзац { $number } из { $count } — выше, чтобы скопировать. Отправьте его новый текст, и он заменит этот абзац. Или:
letter-screens-button-delete = 🗑 Удалить абзац
letter-screens-button-up = ⬆️ Выше
letter-screens-button-down = ⬇️ Ниже
letter-screens-button-back = ↩️ К абзацам
letter-screens-paragraph-replaced = Абзац { $number } заменён.
letter-screens-paragraph-continued = Это сообщение пришло сразу за предыдущим, поэтому это продолжение того же текста: оно встало после абзаца { $number }, абзацем { $last }, а не в конец письма. { $stats }
letter-screens-cut-joined = Сохранено. Это сообщение — продолжение предыдущего: Telegram разрезал длинный текст посреди абзаца, поэтому оно дописано в тот же абзац { $number }, а не отдельным абзацем. { $stats }
letter-screens-paste-rest-refused = Это пришло сразу за текстом для абзаца { $number }, который не сохранён, поэтому это продолжение того текста — его тоже не сохранили. Черновик не изменён.
letter-screens-paragraph-deleted = Абзац { $number } удалён.
letter-screens-paragraph-moved = Абзац { $number } передвинут.
letter-screens-paragraph-changed = Черновик изменился с тех пор, как появилась эта кнопка, поэтому ничего не изменено. Вот абзацы сейчас:
letter-screens-paragraph-cannot-move = Дальше передвинуть нельзя: это крайний абзац.
letter-screens-paragraph-too-long = С этим абзацем в письме было бы { $characters } { $characters ->
        [one] знак
        [few] знака
       *[other] знаков
    }, а можно не больше { $limit }. Черновик не изменён.

letter-screens-button-why = ❓ { $number }
letter-screens-button-edit-paragraph = ✏️ Абзац { $number }
letter-screens-check-hidden = …и ещё { $count ->
        [one] { $count } место
        [few] { $count } места
       *[other] { $count } мест
    } — исправьте эти, и проверка покажет остальные.
letter-screens-check-footer = ❓ — почему это важно. ℹ️ Проверка — не гарантия: она может ошибаться; кое-что видите только вы — см. «Чего не видит ни одна программа».

letter-screens-short-war = без войны и армии: пишите о будничном
letter-screens-short-war-city = не пишите, в каком городе вы сейчас
letter-screens-short-ukraine-symbols = поддержите без лозунгов: «думаю о вас»
letter-screens-short-banned-org = не называйте организацию
letter-screens-short-politics = без политики и оценок власти
letter-screens-short-case = не обсуждайте дело
letter-screens-short-code = полными словами, без сокращений и жаргона
letter-screens-short-profanity = без ругательств
letter-screens-short-lgbt = обойдите эту тему: цензор её не пропустит
letter-screens-short-prison = не спрашивайте об условиях и персонале
letter-screens-short-contraband = не упоминайте запрещённое даже в шутку
letter-screens-short-contacts = без телефонов, карт и адресов
letter-screens-short-tone = тёплое слово вместо «держись»
letter-screens-short-language-ru = язык — { $language }: пишите по-русски
letter-screens-short-language-by = язык — { $language }: пишите по-русски или по-белорусски
letter-screens-short-language-latin = латиницей: пишите кириллицей

letter-screens-starter-recipient-gender = { $gender ->
        [female] Предложения обращаются к ней в женском роде
       *[other] Предложения обращаются к нему в мужском роде
    } — так записано в справочнике.
letter-screens-starter-writer-gender = { $gender ->
        [female] О вас — в женском роде («я узнала»)
       *[other] О вас — в мужском роде («я узнал»)
    }, как вы выбрали раньше; изменить можно кнопкой «Изменить мой род».
letter-screens-button-regender = ⚧ Изменить мой род
letter-screens-starter-page = Варианты { $from }–{ $to } из { $total }.
letter-screens-button-options-more = Ещё варианты ▶️
letter-screens-button-options-back = ◀️ Предыдущие
