## Ролі: запрошення і список організаторів

organisers-admin-only = Це можуть робити лише адміністратори «Листів».
organisers-not-organiser = Це інструмент для організаторів кампаній. Якщо ви збираєте листи для кампанії, попросіть в адміністратора посилання-запрошення.
organisers-not-organiser-of = Ви не організатор кампанії «{ $campaign }».
organisers-not-your-campaign = Це можуть робити лише організатори кампанії, до якої належить цей лист.
organisers-unknown-campaign = Кампанії «{ $campaign }» немає. Ідентифікатор кампанії має такий вигляд: crimean-political-prisoners.
organisers-unknown-prisoner = У довіднику немає нікого на ім'я «{ $prisoner }». Напишіть прізвище, як на картці в'язня, у будь-якому написанні.
organisers-invite-choose = Для якої кампанії новий організатор?
organisers-invite-created =
    Запрошення до кампанії «{ $campaign }»: спрацює один раз і діє { $hours } год.

    { $link }

    Надішліть його особисто лише тій людині, яка буде організатором. Хто відкриє його першим, той і стане організатором.
organisers-invite-unknown = Це посилання-запрошення недійсне. Перевірте, чи воно скопійоване повністю, або попросіть нове.
organisers-invite-used = Цим запрошенням уже скористалися. Кожне посилання спрацьовує один раз: попросіть в адміністратора нове.
organisers-invite-expired = Строк дії запрошення минув. Попросіть в адміністратора нове.
organisers-invite-welcome =
    Тепер ви організатор кампанії «{ $campaign }» (ідентифікатор <code>{ $id }</code>). Дякуємо!

    Що ви можете робити:
    • додайте мене до своєї групи й надішліть там /link { $id } або зробіть мене адміністратором вашого каналу з правом публікувати й надішліть мені особисто: /link { $id } @канал;
    • туди надходитимуть листи з кнопками: прийняти, повернути авторові з причиною, надруковано, надіслано, прийшла відповідь;
    • /news — повідомити тих, хто стежить за справою, про ШІЗО, етап, суд чи звільнення;
    • /print — прийняті листи одним PDF, згруповані за установами;
    • /stats — скільки листів отримав кожен в'язень за тиждень і місяць і хто не отримав жодного;
    • /setstatus і /move — виправити статус чи установу в'язня з посиланням на джерело; /review — розібрати, у чому публічні реєстри не згодні;
    • /campaigns — ваші кампанії й куди надходять їхні листи.
organisers-invite-redeemed-admin = { $user } скористався вашим запрошенням і тепер організатор кампанії «{ $campaign }».
organisers-invite-already = Ви вже організатор кампанії «{ $campaign }» (ідентифікатор <code>{ $id }</code>): це запрошення нічого не змінило. /campaigns покаже ваші кампанії, /help — ваші інструменти.
organisers-invite-unneeded-admin = { $user } відкрив ваше запрошення до «{ $campaign }», але вже є її організатором: нічого не змінилося, а посилання використано. Щоб запросити когось іншого, створіть нове через /invite.
organisers-list-title = Організатори за кампаніями:
organisers-list-empty = Організаторів ще немає. Створіть запрошення командою /invite.
organisers-list-entry = • { $user }, з { $since }
organisers-list-revoke = Відкликати { $user } · { $campaign }
organisers-revoked = Готово: роль відкликано.
organisers-revoke-nothing = Ця людина вже не організатор цієї кампанії.
organisers-revoked-notice = Ви більше не організатор кампанії «{ $campaign }». Якщо це помилка, зверніться до адміністратора.

## Під'єднання чату

organisers-link-usage-group = Надішліть /link та ідентифікатор кампанії, наприклад: /link crimean-political-prisoners
organisers-link-usage-private = Щоб під'єднати канал, додайте мене туди адміністратором із правом публікувати, а тоді надішліть мені: /link ідентифікатор-кампанії @канал (або числовий id каналу). Щоб під'єднати групу, надішліть /link ідентифікатор-кампанії у самій групі.
organisers-link-from-private = Команди в каналі не показують, хто їх надіслав, тож перевірити роль тут я не можу. Надішліть мені особисто: /link ідентифікатор-кампанії @канал
organisers-link-chat-unreachable = Я не бачу цього чату. Спершу додайте мене туди (у канал — адміністратором із правом публікувати) і спробуйте знову.
organisers-link-wrong-chat-type = Листи можна пересилати лише в групу або канал.
organisers-link-not-chat-admin = Під'єднати чат може лише його адміністратор: листи приватні, тож вирішувати має той, хто веде чат.
organisers-rights-not-member = Мене немає в «{ $chat }». Додайте мене й надішліть /link ще раз.
organisers-rights-not-admin = У каналі «{ $chat }» я не адміністратор, тому не можу публікувати. Зробіть мене адміністратором із правом публікувати повідомлення й надішліть /link ще раз.
organisers-rights-no-post-right = У каналі «{ $chat }» я адміністратор, але без права публікувати повідомлення. Увімкніть мені «Публікацію повідомлень» і надішліть /link ще раз.
organisers-rights-cannot-send = У «{ $chat }» мені заборонено надсилати повідомлення. Зніміть обмеження й надішліть /link ще раз.
organisers-linked = Готово: листи для кампанії «{ $campaign }» тепер надходитимуть у «{ $chat }».
organisers-link-checked = «{ $chat }» вже отримує листи для кампанії «{ $campaign }». Щойно перевірено ще раз: ви керуєте цим чатом, і бот може в ньому писати.
organisers-linked-released = { $count ->
    [one] Зараз публікую { $count } повідомлення, що чекало.
    [few] Зараз публікую { $count } повідомлення, що чекали.
   *[other] Зараз публікую { $count } повідомлень, що чекали.
}
organisers-unlink-usage = Надішліть /unlink та ідентифікатор кампанії, наприклад: /unlink crimean-political-prisoners
organisers-unlink-nothing = Кампанія «{ $campaign }» не має тут під'єднаного чату.
organisers-unlinked = Готово: кампанія «{ $campaign }» більше не пересилає листи в цей чат. Листи, що вже чекають, лишаються в черзі, доки ви не під'єднаєте чат знову; доти авторам не пропонуватимуть цей шлях.
organisers-chat-broken = ⚠️ Я більше не можу публікувати в «{ $chat }», куди надходять листи кампаній: { $campaigns }.
organisers-chat-problem-removed = Мене вилучили з чату, або чату більше немає.
organisers-chat-problem-rights = Мені бракує права публікувати там.
organisers-chat-problem-other = Telegram відповів: { $error }
organisers-chat-broken-held = Жоден лист не загубиться: вони збережені й з'являться там, щойно я знову зможу публікувати. Поверніть мене (у канал — адміністратором із правом публікувати) або під'єднайте інший чат командою /link.
organisers-chat-restored = ✅ Я знову можу публікувати в «{ $chat }» ({ $campaigns }). { $released ->
    [0] Нічого не чекало.
    [one] Зараз публікую { $released } повідомлення, що чекало.
    [few] Зараз публікую { $released } повідомлення, що чекали.
   *[other] Зараз публікую { $released } повідомлень, що чекали.
}
organisers-relay-failed = ⚠️ Telegram остаточно відхилив пересланий лист { $reference } ({ $error }). Лист збережено в базі; будь ласка, розберіться.

## Картка під кожним пересланим листом

organisers-card-title = ✉️ <b>Лист { $reference }</b>
organisers-card-campaign = Кампанія: { $campaign }
organisers-card-to = Кому: { $recipient }
organisers-card-institution = Установа: { $institution }
organisers-card-institution-unknown = Установа: невідома — перевірте перед відправленням.
organisers-card-institution-stale = ⚠️ Місце утримання станом на { $asOf } могло змінитися — перевірте перед відправленням.
organisers-card-address = Адреса: { $address }
organisers-card-route = Рекомендований шлях: { $route }
organisers-route-fsin-pismo = «ФСИН-письмо»
organisers-route-post = пошта
organisers-route-unknown = невідомий (немає підтвердженої чинної адреси)
organisers-card-check = Перевірка: { $findings }
organisers-card-check-clean = Перевірка: нічого не знайдено.
organisers-card-signature = Підпис: { $signature }
organisers-card-writer = Автор у Telegram: { $writer }
organisers-card-writer-hidden = Автор у Telegram: прихований (автор вирішив лишитися анонімним).
organisers-card-text-below = { $parts ->
    [one] Текст листа — у наступному повідомленні.
    [few] Текст листа — у наступних { $parts } повідомленнях.
   *[other] Текст листа — у наступних { $parts } повідомленнях.
}
organisers-card-text-file = Лист довгий: текст надійде файлом .txt.
organisers-card-status = Статус: <b>{ $status }</b> · { $at } UTC
organisers-finding-war = війна й армія
organisers-finding-ukraine-symbols = українська символіка й гасла
organisers-finding-banned-org = заборонені організації
organisers-finding-politics = політика
organisers-finding-case = кримінальна справа
organisers-finding-code = шифри й скорочення
organisers-finding-profanity = лайка
organisers-finding-language = мова
organisers-finding-lgbt = ЛГБТК+
organisers-finding-prison = умови утримання
organisers-finding-contraband = гроші й заборонені речі
organisers-finding-contacts = контакти
organisers-finding-tone = тон
organisers-button-accept = ✅ Прийняти
organisers-button-return = ↩️ Повернути
organisers-button-printed = 🖨 Надруковано
organisers-button-sent = 📮 Надіслано
organisers-button-reply = 💌 Прийшла відповідь
organisers-button-back = ← Назад
organisers-return-reason-language = Не російською
organisers-return-reason-wording = Ризиковані формулювання
organisers-return-reason-address = Зараз немає надійної адреси
organisers-return-choose = Чому лист повертається? Автор побачить причину.
organisers-status-returned = Повернуто авторові листа
organisers-status-done = Готово: { $status }.
organisers-status-conflict = Не змінено: лист уже має статус «{ $status }».

## Сповіщення авторам

organisers-writer-accepted = ✅ Організатори прийняли ваш лист { $reference } (кому: { $prisoner }). Вони надрукують його й передадуть далі.
organisers-writer-returned = ↩️ Організатори повернули ваш лист { $reference } (кому: { $prisoner }).
organisers-writer-returned-reason = Причина: { $reason }. Ви можете виправити лист і надіслати його знову.
organisers-writer-edit-button = ✏️ Виправити й надіслати знову
organisers-writer-printed = 🖨 Ваш лист { $reference } (кому: { $prisoner }) надруковано, скоро його відправлять.
organisers-writer-sent = 📮 Ваш лист { $reference } (кому: { $prisoner }) відправлено. Через тюремну цензуру він іде не одразу.
organisers-writer-reply-received = 💌 На ваш лист { $reference } (кому: { $prisoner }) прийшла відповідь! Організатори підкажуть, як її отримати.
organisers-reopened = Ваш лист знову став чернеткою: виправте його тут, а тоді натисніть «Готово», щоб перевірити й надіслати ще раз.
organisers-reopen-draft-exists = У вас уже є чернетка до цієї людини. Спершу завершіть або видаліть її.
organisers-reopen-not-returned = Цей лист уже не чекає на виправлення.
organisers-reopen-not-writable = Цей повернений лист зараз не можна надіслати знову, тож він лишається як є (кому: { $name }). Чому — і що можна зробити натомість:

## Друк

organisers-print-nothing = Немає прийнятих листів, що чекають на друк.
organisers-print-caption = Листів: { $letters }, установ: { $institutions }; кожен лист на окремій сторінці. Позначте їх надрукованими, щойно вони будуть на папері.
organisers-print-mark = 🖨 Позначити надрукованими ({ $letters })
organisers-print-already = Цю партію вже позначено надрукованою.
organisers-print-marked = Готово: надрукованими позначено { $printed }; авторам повідомлено.
organisers-print-marked-skipped = Надрукованими позначено { $printed }; пропущено { $skipped }, бо їхній статус тим часом змінився (повернуто або опрацьовано кимось іншим).

## Статистика

organisers-stats-title = 📊 Написані листи (будь-яким шляхом): за 7 днів / за 30 днів.
organisers-stats-totals = Усього: { $week } / { $month } · підписників кампанії: { $followers }
organisers-stats-prisoner = • { $prisoner }: { $week } / { $month } · підписників: { $followers }
organisers-stats-no-letters = Без листів за 30 днів: { $prisoners }
organisers-stats-no-letters-none = Кожен, хто може отримувати листи, отримав за 30 днів хоча б один.
organisers-stats-no-campaigns = У довіднику ще немає кампаній.

## Виправлення довідника

organisers-setstatus-usage = Надішліть /setstatus та ім'я в'язня в будь-якому написанні, наприклад: /setstatus Кагарлицький
organisers-move-usage = Надішліть /move та ім'я в'язня в будь-якому написанні, наприклад: /move Кагарлицький
organisers-correction-not-allowed = Виправляти запис можуть лише організатори кампаній, до яких належить цей в'язень.
organisers-correction-pick = Чий запис ви виправляєте?
organisers-correction-pick-page = Чий запис ви виправляєте? Сторінка { $page } з { $pages }.
organisers-correction-pick-refine = Чий запис ви виправляєте? Збігів більше, ніж тут уміщується: надішліть команду ще раз із довшим ім'ям.
organisers-correction-previous = ◀️ Назад
organisers-correction-next = Далі ▶️
organisers-prisoner-status-pretrial = під вартою до вироку
organisers-prisoner-status-sentenced = відбуває покарання
organisers-prisoner-status-released = на волі
organisers-prisoner-status-exchanged = звільнений під час обміну
organisers-prisoner-status-deceased = помер
organisers-prisoner-status-unknown = невідомо
organisers-setstatus-current = <b>{ $prisoner }</b>: зараз «{ $status }» (станом на { $asOf }). Оберіть новий статус:
organisers-setstatus-confirm =
    Зберегти?
    <b>{ $prisoner }</b>: «{ $status }» станом на { $asOf }
    Джерело: { $source }
organisers-move-current = <b>{ $prisoner }</b>: зараз { $institution }. Де людину утримують тепер? Оберіть нижче або надішліть номер і місто установи для пошуку (наприклад, «ИК-1 Ярославль»).
organisers-move-none = невідомо / не утримують
organisers-move-confirm =
    Зберегти?
    <b>{ $prisoner }</b>: { $institution } станом на { $asOf }
    Джерело: { $source }
organisers-correction-ask-source = Надішліть посилання на джерело, де це сказано (новина, судовий документ, допис адвоката). Воно збережеться разом зі зміною.
organisers-correction-bad-source = Це не посилання. Надішліть адресу, що починається з https://
organisers-correction-ask-date = Відколи це так? Натисніть кнопку «сьогодні» або надішліть дату у вигляді 2026, 2026-02 чи 2026-02-16.
organisers-correction-today = Сьогодні, { $date }
organisers-correction-bad-date = Надішліть дату у вигляді 2026, 2026-02 чи 2026-02-16, не з майбутнього.
organisers-correction-gave-up = Почнімо згодом спочатку: надішліть команду ще раз, коли будете готові.
organisers-correction-save = 💾 Зберегти
organisers-correction-cancel = Скасувати
organisers-correction-cancelled = Скасовано: нічого не змінено.
organisers-setstatus-press = Оберіть новий статус кнопкою вище (набраний текст тут не читається) або надішліть /cancel, щоб зупинитися.
organisers-move-press = Оберіть установу кнопкою вище, або надішліть її номер і місто для пошуку (наприклад, «ИК-1 Ярославль»), або надішліть /cancel, щоб зупинитися.
organisers-correction-press-save = Натисніть «Зберегти» або «Скасувати» вище (набраний текст тут не читається) чи надішліть /cancel, щоб зупинитися.
organisers-correction-changed = Збережено. Зміна є в історії в'язня разом із вашим джерелом.
organisers-correction-confirmed = Збережено: значення й так було таке саме, оновлено дату й джерело.
organisers-correction-kept = Не змінено: у довіднику новіші відомості, ніж на цю дату.
organisers-correction-refused = Не збережено: ви вже не організатор кампаній цього в'язня.
organisers-correction-stale-button = Ця кнопка з виправлення, яке вже завершилося: нічого не змінено. Надішліть /setstatus або /move ще раз.
organisers-move-search-none = Жодна установа не відповідає запиту «{ $query }». Спробуйте лише номер і місто або регіон.
organisers-move-search-pick = Оберіть установу або надішліть інший запит:
