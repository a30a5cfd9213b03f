## Написання листа: поради, конструктор листа, чернетка, доставка.
## Факти та джерела: research/censorship-and-delivery.md. Російський текст листа — у data/letter-starter.json.

## Поради перед написанням

letter-guidance-language-ru = Пишіть російською. Листи іншими мовами, зокрема українською, чекають на переклад або їх просто не передають; один такий лист повернули зі штампом «переписка дозволена лише російською». Проста російська — це нормально: ваша підтримка важливіша за бездоганну граматику.
letter-guidance-language-by = Пишіть лише російською або білоруською: листи іншими мовами викидають (Libereco).
letter-guidance-avoid-ru = Не пишіть про: війну та армію; гасла й символи, зокрема «Крим — це Україна»; організації, заборонені в Росії; образи посадовців і заклики до протестів; скорочення, жаргон, шифри та іншомовні слова; ЛГБТК+ теми (вони можуть наразити в'язня на небезпеку з боку інших ув'язнених і персоналу); гроші, телефони та умови утримання. Такі листи не доходять, а через приватні листи вже відкривали кримінальні справи.
letter-guidance-avoid-by = Не пишіть нічого політичного, навіть побіжно, і уникайте слів «свобода» та «боротьба». Не питайте про їжу, адміністрацію чи сусідів по камері.
letter-guidance-case-pretrial = Слідство ще триває: не згадуйте справу взагалі — жодних подробиць, доказів, інших людей у справі чи вашої думки про неї. У СІЗО такий лист може потрапити до слідчого й зашкодити захисту.
letter-guidance-case = Не обговорюйте кримінальну справу — подробиці, докази, інших людей у ній: це може юридично зашкодити в'язню («Меморіал»).
letter-guidance-tone = Тепло, а не жаль. Уникайте «тримайся», «не падай духом» і «свобода вже близько»: в'язні просили такого не писати.
letter-guidance-topics = Що в ув'язненні цікаво читати: буденне життя, фільми, книжки, робота, домашні тварини, новини з їхньої сфери. Розкажіть про себе й поставте запитання, щоб було на що відповісти.
letter-guidance-by-relatives-only = Будьте готові: після вироку політв'язні в Білорусі часто отримують листи лише від близьких родичів («Вясна»). Ваш лист можуть не передати.
letter-guidance-by-pretrial-arbitrary = У білоруських СІЗО передають листи свавільно («Вясна»): ваш можуть і не передати.
letter-guidance-by-short = Пишіть коротко — так радять білоруські організатори (Libereco).
letter-guidance-reply-ru = Відповідь можлива. На «ФСИН-письмо» позначте платний бланк відповіді: в'язень відповідає на ньому від руки, а ви отримуєте скан. Поштою вкладіть чистий папір, конверт і марку.
letter-guidance-reply-by = Щоб відповідь була можливою, вкладіть чистий аркуш і конверт, на якому вже написано вашу адресу.
letter-guidance-signature = Підписуйтеся одним ім'ям, яке й надалі використовуватимете, — своїм або псевдонімом, — а не анонімно: так в'язень знатиме, що пише та сама людина.
letter-guidance-writer-risk-ru = Кожен лист читає цензор. Цензори рідко передають листи слідчим, але таке траплялося, і через приватні листи відкривали кримінальні справи: пишіть лише те, що сказали б при сторонній людині.
letter-guidance-reply-ru-fsin = Відповідь можлива: на «ФСИН-письмо» позначте платний бланк відповіді — в'язень відповідає на ньому від руки, а ви отримуєте скан.
letter-guidance-reply-ru-post = Відповідь можлива: вкладіть у конверт чистий папір, конверт і марку.
letter-brief-language-ru = Пишіть російською: листи іншими мовами не передають.
letter-brief-language-by = Пишіть російською або білоруською: листи іншими мовами викидають.
letter-brief-avoid-ru = Без війни, політики й подробиць справи: таке закреслюють або лист не передають.
letter-brief-avoid-by = Нічого політичного, навіть побіжно, і без подробиць справи.
letter-brief-avoid-pretrial = Справу не згадуйте зовсім: слідство ще триває. І без війни та політики.
letter-brief-tone = Тепло, а не жаль: про буденне життя, із запитаннями — і без «тримайся».
letter-brief-reminder-ru = Нагадування: російською, без війни, політики й справи.
letter-brief-reminder-by = Нагадування: російською чи білоруською, коротко, нічого політичного.

## Чернетка

letter-draft-stats = { $characters } { $characters ->
        [one] знак
        [few] знаки
       *[other] знаків
    } · { $words } { $words ->
        [one] слово
        [few] слова
       *[other] слів
    } · приблизно { $pages } { $pages ->
        [one] друкована сторінка
        [few] друковані сторінки
       *[other] друкованих сторінок
    }
letter-draft-too-long = Із цим текстом лист мав би { $characters } { $characters ->
        [one] знак
        [few] знаки
       *[other] знаків
    }, а межа — { $limit }. Скоротіть його або замініть чернетку коротшим текстом.
letter-draft-empty = У цьому повідомленні немає тексту, який можна додати до листа.
letter-draft-advice-short-by = Цей лист займає приблизно { $pages } { $pages ->
        [one] друковану сторінку
        [few] друковані сторінки
       *[other] друкованих сторінок
    }. До Білорусі краще писати коротше: організатори радять короткі тексти.

## Конструктор листа: підписи

letter-starter-name-form-formal = Офіційно: ім'я та по батькові, «Вы»
letter-starter-name-form-polite = Ввічливо: на ім'я, «Вы»
letter-starter-name-form-informal = Неформально: на ім'я, «ты»
letter-starter-writer-gender-male = Про мене — у чоловічому роді («я узнал»)
letter-starter-writer-gender-female = Про мене — у жіночому роді («я узнала»)
letter-starter-writer-gender-neutral = Без форм роду про мене
letter-starter-block-greeting = Привітання
letter-starter-block-opening = Вступ
letter-starter-block-introduction = Про вас
letter-starter-block-question = Запитання
letter-starter-block-wish = Побажання
letter-starter-block-sign-off = Завершення

## Конструктор листа: що означає кожне російське речення

letter-starter-gloss-greeting-formal-hello = «Добрий день, { $recipientName }!» Офіційно, на ім'я та по батькові.
letter-starter-gloss-greeting-formal-respected = «{ $recipientGender ->
        [female] Шановна
       *[other] Шановний
    } { $recipientName }!» Шанобливо, трохи офіційно.
letter-starter-gloss-greeting-polite-hello = «Добрий день, { $recipientName }!» Ввічливо, на ім'я.
letter-starter-gloss-greeting-polite-dear = «{ $recipientGender ->
        [female] Дорога
       *[other] Дорогий
    } { $recipientName }, добрий день!» Тепло й ввічливо.
letter-starter-gloss-greeting-informal-hi = «Привіт, { $recipientName }!» Неформально.
letter-starter-gloss-greeting-informal-dear = «{ $recipientGender ->
        [female] Дорога
       *[other] Дорогий
    } { $recipientName }, привіт!» Тепло й неформально.
letter-starter-gloss-opening-punishment-cell = { $writerGender ->
        [male] «Я дізнався, що вам зараз нелегко, і вирішив написати: нехай у вас буде лист, який просто приємно прочитати.»
        [female] «Я дізналася, що вам зараз нелегко, і вирішила написати: нехай у вас буде лист, який просто приємно прочитати.»
       *[other] «Знаю, що вам зараз нелегко, тому й пишу: нехай у вас буде лист, який просто приємно прочитати.»
    } Сам ШІЗО не згадується.
letter-starter-gloss-opening-birthday = «Вітаю з днем народження!»
letter-starter-gloss-intro-name-and-city = «Мене звати { $writerName }, моє місто — { $writerCity }.»
letter-starter-gloss-intro-name = «Мене звати { $writerName }.»
letter-starter-gloss-intro-strangers = «Ми з вами не знайомі, але мені захотілося вам написати.»
letter-starter-gloss-intro-long-wanted = { $writerGender ->
        [male] «Я давно хотів вам написати — і ось нарешті пишу.»
        [female] «Я давно хотіла вам написати — і ось нарешті пишу.»
       *[other] «Мені давно хотілося вам написати — і ось нарешті пишу.»
    }
letter-starter-gloss-question-books = «Що ви зараз читаєте? Яку книжку порадите мені?»
letter-starter-gloss-question-films = «Які фільми вам подобаються? Чи є фільм, який ви готові переглядати знову й знову?»
letter-starter-gloss-question-music = «Яку музику ви любите? Яку пісню порадили б мені послухати?»
letter-starter-gloss-question-sport = «Яким спортом ви займалися і за кого вболіваєте?»
letter-starter-gloss-question-chess = «Ви граєте в шахи? Хто ваш улюблений шахіст?»
letter-starter-gloss-question-history = «Який період історії вам найцікавіший і чому?»
letter-starter-gloss-question-science = «Які новини науки вам було б цікаво дізнатися? Я пошукаю й розповім у наступному листі.»
letter-starter-gloss-question-technology = «Які новини зі світу технологій вас цікавлять? Можу розповісти, що з'явилося нового.»
letter-starter-gloss-question-mathematics = «Яка галузь математики вам найближча?»
letter-starter-gloss-question-writing = «Ви пишете самі? Розкажіть, над чим працюєте, якщо захочеться.»
letter-starter-gloss-question-ecology = «Які теми екології вам найближчі? Можу розповісти, що нового відбувається в цій галузі.»
letter-starter-gloss-question-art = «Ви малюєте? Які художники вам близькі?»
letter-starter-gloss-question-poetry = «Які вірші ви любите? Може, пишете й самі?»
letter-starter-gloss-question-languages = «Які мови ви знаєте або хотіли б вивчити?»
letter-starter-gloss-question-travel = «Де вам найбільше подобалося бувати? Розкажіть про місце, яке ви любите.»
letter-starter-gloss-question-animals = «У вас є домашні тварини? Розкажіть про них, якщо захочеться.»
letter-starter-gloss-question-theatre = «Ви любите театр? Яка вистава вам найбільше запам'яталася?»
letter-starter-gloss-question-philosophy = «Які філософи вам найближчі?»
letter-starter-gloss-question-gardening = «Ви любите поратися в саду? Що вам найбільше подобається вирощувати?»
letter-starter-gloss-question-favourite-pastime = «Чим ви найбільше любите займатися?»
letter-starter-gloss-question-letter-topics = «Про що вам було б цікаво отримувати листи?»
letter-starter-gloss-question-favourite-book-or-film = «Чи є у вас улюблена книжка або улюблений фільм?»
letter-starter-gloss-question-memorable-place = «Яке місце вам особливо запам'яталося?»
letter-starter-gloss-question-childhood-dream = «Ким ви мріяли стати в дитинстві?»
letter-starter-gloss-wish-health-books-news = «Бажаю вам здоров'я, цікавих книжок і добрих новин.»
letter-starter-gloss-wish-remembered = «Знайте, що про вас пам'ятають.»
letter-starter-gloss-wish-not-alone = «Ви не самі: про вас думає багато людей.»
letter-starter-gloss-wish-good-every-day = «Нехай у кожному дні знайдеться щось добре.»
letter-starter-gloss-wish-reply-welcome = { $writerGender ->
        [male] «Буду радий вашій відповіді, якщо захочеться написати.»
        [female] «Буду рада вашій відповіді, якщо захочеться написати.»
       *[other] «Якщо захочеться відповісти, мені буде дуже приємно.»
    }
letter-starter-gloss-sign-off-respect = «З повагою,» — далі ваш підпис.
letter-starter-gloss-sign-off-warmth = «З теплом,» — далі ваш підпис.
letter-starter-gloss-sign-off-all-the-best = «Усього вам доброго!» — далі ваш підпис.
letter-starter-gloss-sign-off-until-next-letter = «До наступного листа!» — далі ваш підпис.

## Доставка

letter-delivery-not-in-custody = Наскільки нам відомо, ця людина вже не під вартою, тому «Листи» не надсилають їй листів.
letter-delivery-letters-not-accepted = Листи цій людині зараз не надсилаються; причину вказано в картці в'язня.
letter-delivery-fsin-names-unknown = «ФСИН-письмо» обслуговує цю установу, але ми ще не знаємо, як саме вона називається у формі, тому цей спосіб не пропонуємо.
letter-delivery-no-safe-address = { $name }: зараз ми не знаємо безпечної адреси. Будь ласка, не вгадуйте: лист, надісланий не туди, пропаде.
letter-delivery-keep-draft = Ваш лист збережено як чернетку — до нього можна повернутися.
letter-delivery-organisers = Передайте лист організаторам: вони його прочитають, оберуть найбезпечніший спосіб доставки й повідомлять, що з ним. Вони можуть повернути лист вам із поясненням.
letter-delivery-recheck-institution = В'язнів переводять, і лист на стару адресу може загубитися. Перед кожним листом перевіряйте, чи установа досі актуальна.
letter-delivery-blocking-ru = З середини 2023 року листи політв'язням часто вибірково не передають (DW). Якщо відповіді немає, це не обов'язково через ваш лист.
letter-delivery-patronymic-unknown = Ми не знаємо по батькові цієї людини. Напишіть ім'я точно так, як показано, і не вигадуйте по батькові.
letter-delivery-birth-year-unknown = Ми не знаємо року народження, за яким в'язниці розрізняють людей з однаковими іменами. Краще не вказуйте його, ніж вгадувати.

## Доставка: «ФСИН-письмо»

letter-fsin-step-open = Відкрийте { $url } і почніть новий лист.
letter-fsin-step-region = У полі «Куда» оберіть регіон: { $region }
letter-fsin-step-institution = Потім оберіть установу: { $institution }
letter-fsin-step-recipient = Одержувач: { $recipient }
letter-fsin-step-sender = Заповніть свої дані як відправника; форма запитує ваші email і номер телефону.
letter-fsin-step-text = Вставте текст листа (російською).
letter-fsin-step-reply-form = Позначте платний бланк відповіді: в'язень відповідає на ньому від руки, а ви отримуєте скан.
letter-fsin-step-photos = Можна додати фото: їх друкують чорно-білими, і кожне коштує окремо.
letter-fsin-step-pay = Оплатіть російською банківською карткою: іноземні картки не приймають.
letter-fsin-delivery-time = Доставка — до 3 робочих днів, плюс цензура: за законом до 3 робочих днів (до 7 для листа іноземною мовою).
letter-fsin-no-russian-card = Немає російської банківської картки? Ці служби доставлять лист до російської в'язниці замість вас:
letter-fsin-price-item-letter = Лист: { $unitPrice } руб.
letter-fsin-price-item-reply-form = Бланк відповіді: { $unitPrice } руб.
letter-fsin-price-item-image = Зображення: { $quantity } × { $unitPrice } руб. = { $subtotal } руб.
letter-fsin-price-total = Орієнтовно: { $total } руб.
letter-fsin-price-caveat = Ці ціни опубліковано у { $observed } роках ({ $source }), відтоді вони могли змінитися: перевірте актуальну ціну на «ФСИН-письмо».

## Доставка: пошта

letter-post-envelope-intro-ru = Напишіть на конверті російською, точно так:
letter-post-envelope-intro-by = Напишіть на конверті російською або білоруською, точно так:
letter-post-country-note = Надсилаєте з-за кордону? Додайте останнім рядком країну: { $country }
letter-post-enclose-ru = Для відповіді вкладіть чистий папір, конверт і марку.
letter-post-rules-ru = Лист і адреса — російською. На конверті мають бути повне ім'я, по батькові та рік народження.
letter-post-ask-post-office = Запитайте у своєму поштовому відділенні, чи приймають листи до цієї країни і скільки це коштує.
letter-post-enclose-by = Для відповіді вкладіть чистий аркуш і конверт, на якому вже написано вашу адресу.
letter-post-rules-by = Лише російською або білоруською. Звичайний конверт вагою до 20 г. Жодного політичного контексту — ні в листі, ні на конверті.
letter-post-by-no-e-letters = У Білорусі немає державного сервісу електронних листів для сторонніх, а приватний сервіс Pismo.bel у грудні 2024 року визнали «екстремістським»: не користуйтеся ним.

## Посередники (російські в'язниці)

letter-intermediary-ovd-info-letters-now-name = «ОВД-Інфо»: Letters Now
letter-intermediary-ovd-info-letters-now-about = Безкоштовно: ви пишете лист на їхньому сайті, вони доставляють його й надсилають вам відповідь електронною поштою. До деяких в'язнів вони не можуть дістатися.
letter-intermediary-rosuznik-name = «РосУзник»
letter-intermediary-rosuznik-about = Форма на сайті: волонтери друкують і надсилають ваш лист — близько 2–3 днів разом із цензурою — і пересилають відповіді.
letter-intermediary-rights-in-russia-name = Rights in Russia: Write to Russia
letter-intermediary-rights-in-russia-about = Перекладають листи з англійської російською й надсилають їх (близько £2,50 за лист); відповіді перекладають для вас.

## Стан листів і способи доставки

letter-status-draft = Чернетка
letter-status-finished = Готовий до надсилання
letter-status-relayed = В організаторів
letter-status-accepted = Прийнято організаторами
letter-status-returned = Повернуто вам
letter-status-printed = Надруковано
letter-status-sent = Надіслано
letter-status-reply-received = Отримано відповідь
letter-status-discarded = Видалено
letter-status-closed = Закрито
letter-route-fsin-pismo = «ФСИН-письмо»
letter-route-post = Поштою
letter-route-organisers = Через організаторів

## Лист у боті (src/bot/features/letter): екрани, кнопки й підказки

letter-ui-search-prompt = Кому ви хочете написати? Надішліть прізвище в будь-якому написанні: українською, російською чи латиницею (наприклад, Кагарлицький).
letter-ui-search-text-only = Будь ласка, надішліть ім'я текстовим повідомленням.
letter-ui-search-too-long = Це схоже не на ім'я, а на щось довше. Спершу скажіть, кому лист: надішліть лише прізвище.
letter-ui-search-nobody = У нашому довіднику немає нікого на ім'я «{ $query }». Перевірте написання, спробуйте лише прізвище або інше написання (українською, російською чи латиницею). «Листи» показують лише людей, чию ситуацію ми змогли підтвердити з джерел.
letter-ui-search-results = { $count ->
        [one] Знайдено одну людину. Це та, кого ви шукаєте?
       *[other] Знайдено людей: { $count }. Оберіть потрібну:
    }
letter-ui-search-more = Показано перших { $shown } з { $total }. Оберіть людину або додайте ім'я чи рік народження, щоб звузити пошук.
letter-ui-unknown-prisoner = Цієї людини немає в нашому довіднику (посилання чи кнопка могли застаріти). Скористайтеся /write, щоб знайти людину за ім'ям.
letter-ui-refused = Зараз через «Листи» не можна написати цій людині: { $name }.
letter-ui-refused-free = 🕊 { $name } на волі!
letter-ui-refused-source = Статус станом на { $asOf }, джерело: { $url }
letter-ui-guidance-russian-name = Російською: { $name }
letter-ui-guidance-where = Місце утримання: { $name }, { $region }
letter-ui-guidance-before = Перш ніж писати:
letter-ui-button-starter = 🧩 Допоможіть почати російською
letter-ui-continue = { $declined ->
        [yes] Продовжимо ваш лист { $dative }. Він збережений таким, яким був.
       *[other] Продовжимо ваш лист. Отримувач: { $name }. Лист збережений таким, яким був.
    }
letter-ui-writing-title = { $declined ->
        [yes] Лист { $dative }
       *[other] Лист. Отримувач: { $name }
    }
letter-ui-writing-closing-note = Ваші повідомлення вставляються перед завершенням заготовки (побажаннями й прощанням).
letter-ui-writing-so-far = Ваша чернетка зараз: { $stats }
letter-ui-button-done = ✅ Готово: перевірити лист
letter-ui-button-show = 👁 Показати чернетку
letter-ui-button-replace = 🔁 Замінити весь текст
letter-ui-button-discard = 🗑 Видалити лист
letter-ui-saved = Збережено. { $stats }
letter-ui-saved-next = Надішліть ще текст або натисніть «Готово», щоб перевірити лист.
letter-ui-saved-after-refusal = ⚠️ Ваше попереднє повідомлення не збережено (з ним лист перевищив би межу), тож у листі його немає. Якщо обидва — частини одного довгого тексту, замініть чернетку коротшою версією («Замінити весь текст»).
letter-ui-long-for-telegram = Це довше за одне повідомлення Telegram, і це нормально: коли лист буде готовий, ви отримаєте його частинами й файлом. Межа — { $limit } знаків.
letter-ui-draft-unchanged = Чернетку не змінено: { $stats }
letter-ui-draft-still-empty = Чернетка поки порожня.
letter-ui-draft-safe = Ваша чернетка збережена: { $stats }
letter-ui-draft-shown = Це ваша чернетка: { $stats }
letter-ui-text-only = У лист іде лише текст: напишіть або вставте його повідомленням. Голосові, стікери, фото й файли сюди додати не можна.
letter-ui-writing-edited = Якщо відредагувати вже надіслане повідомлення, чернетка не зміниться. Надішліть виправлений текст ще раз або натисніть «Замінити весь текст».
letter-ui-done-empty = Лист поки порожній: спершу надішліть його текст.
letter-ui-replace-prompt = Надішліть новий текст усього листа: він замінить усе, що є в чернетці.
letter-ui-button-keep-draft = Залишити чернетку як є
letter-ui-replace-cancelled = Чернетка лишилася такою, як була.
letter-ui-discard-confirm = Видалити ваш лист для: { $name }? Його текст буде стерто.
letter-ui-button-discard-yes = Так, видалити
letter-ui-button-discard-no = Ні, залишити
letter-ui-discard-kept = Лист залишається. Надішліть ще текст або натисніть «Готово».
letter-ui-discard-kept-offer = Лист залишається збереженим.
letter-ui-discarded = Лист видалено, його текст стерто.
letter-ui-discard-nothing = Збереженого тексту для видалення не було.
letter-ui-use-buttons = Будь ласка, оберіть одну з кнопок вище.
letter-ui-starter-intro = Ось готові речення російською. Під кожним — що воно означає. Оберіть те, що підходить; потім усе можна змінити й додати власні слова.
letter-ui-starter-ask-name-form = Як ви хочете звертатися до адресата ({ $name })?
letter-ui-starter-ask-writer-gender = Російські фрази про того, хто пише, змінюються за родом («я узнал» чи «я узнала»). Як говорити про вас?
letter-ui-starter-pick-one = { $block }: оберіть одне
letter-ui-starter-pick-many = { $block }: оберіть скільки завгодно, потім натисніть «Далі»
letter-ui-button-skip = Пропустити
letter-ui-button-next = Далі ➡️
letter-ui-starter-done = Початок вашого листа вже в чернетці. { $stats }
letter-ui-starter-next = Тепер додайте кілька власних речень російською: про свій день, книжку, щось, що помітили. Надсилайте їх повідомленнями або скопіюйте текст нижче, змініть і надішліть назад через «Замінити весь текст».
letter-ui-starter-next-closing = Тепер додайте кілька власних речень російською: про свій день, книжку, щось, що помітили. Кожне повідомлення стане перед побажаннями й прощанням. Також можна скопіювати текст нижче, змінити й надіслати назад через «Замінити весь текст».
letter-ui-check-clean = ✅ Перевірка не знайшла нічого, що, як відомо, зупиняє лист або наражає когось на небезпеку. Проте кожен лист усе одно читає цензор.
letter-ui-check-found-severe = Перевірка знайшла { $count ->
        [one] { $count } місце, яке варто змінити
        [few] { $count } місця, які варто змінити
       *[other] { $count } місць, які варто змінити
    }. { $count ->
        [1] Воно може зупинити лист або наразити на небезпеку в'язня чи вас.
       *[other] Деякі можуть зупинити лист або наразити на небезпеку в'язня чи вас.
    }
letter-ui-check-found-advice = Перевірка має { $count ->
        [one] { $count } пораду
        [few] { $count } поради
       *[other] { $count } порад
    } щодо тону. Нічого з цього не зупиняє лист.
letter-ui-check-more = і ще { $count }
letter-ui-check-language-detected = Схоже, лист написано такою мовою: { $language }.
letter-ui-check-why = Чому:
letter-ui-check-instead = Натомість:
letter-ui-check-use-buttons = Щоб змінити лист, натисніть «Редагувати лист», а потім надішліть новий текст.
letter-ui-button-edit = ✏️ Редагувати лист
letter-ui-button-keep = Залишити як є
letter-ui-button-stop = ⏸ Поки зупинитися
letter-ui-stopped = Зупинилися. Ваш лист збережено: щоб продовжити, скористайтеся /write.
letter-ui-keep-confirm = Ви впевнені? Частини цього листа, найімовірніше, закреслять або через них лист не передадуть, або вони можуть наразити на небезпеку адресата ({ $name }) чи вас. Перевірка може помилятися, але, будь ласка, прочитайте її попередження, перш ніж вирішувати.
letter-ui-button-keep-yes = Так, залишити як є
letter-ui-button-keep-no = Ні, я відредагую
letter-ui-sign-ask = Як ви підпишете лист? Надішліть ім'я чи псевдонім і, якщо хочете, місто другим рядком. Українське місто, де ви живете, краще не вказувати: листи можуть потрапити до слідчих.
letter-ui-sign-ask-remembered = Як ви підпишете цей лист?
letter-ui-button-sign-as = Підписати «{ $signature }»
letter-ui-button-sign-other = Інший підпис
letter-ui-sign-text-only = Будь ласка, надішліть підпис текстом: ім'я чи псевдонім і, за бажання, місто другим рядком.
letter-ui-sign-invalid-empty = Підпис порожній. Надішліть ім'я чи псевдонім.
letter-ui-sign-invalid-too-long = Це задовго для підпису: щонайбільше { $max } знаків для імені й для міста.
letter-ui-sign-invalid-too-many-lines = Надішліть щонайбільше два рядки: ім'я, потім місто.
letter-ui-sign-remember = Підпис: «{ $signature }». Запам'ятати його для наступних листів?
letter-ui-button-remember-yes = Так, запам'ятати
letter-ui-button-remember-no = Ні, лише для цього листа
letter-ui-send-choose = Як ви надішлете лист?
letter-ui-send-no-route = Ваш лист залишається збереженим як чернетка. Щоб повернутися до нього, скористайтеся /write.
letter-ui-route-about-fsin-pismo = електронний лист, який у колонії роздруковують і передають. Зазвичай найшвидше, а відповідь може прийти на платному бланку відповіді. Для оплати потрібна російська банківська картка; сервіси, що допомагають без неї, будуть нижче, коли ви оберете цей спосіб.
letter-ui-route-about-post = паперовий лист у конверті. Ви отримаєте адресу російською точно так, як її писати на конверті.
letter-ui-share-identity = Чи можуть організатори бачити ваше ім'я в Telegram? Для друку листа їм потрібен лише підпис.
letter-ui-button-share-yes = Так, показати моє ім'я в Telegram
letter-ui-button-share-no = Ні, лише підпис
letter-ui-finish-failed-not-found = Цей лист тут уже не чернетка: можливо, його завершили чи видалили з іншого повідомлення. Дивіться /letters.
letter-ui-finish-failed-not-a-draft = Цей лист уже завершено. Дивіться /letters.
letter-ui-finish-failed-empty = Лист порожній. Скористайтеся /write, щоб написати його знову.
letter-ui-finish-failed-no-signature = Листу потрібен підпис. Скористайтеся /write, щоб продовжити.
letter-ui-finish-failed-no-organiser-chat = Організатори зараз не можуть прийняти листи для цієї людини. Ваш лист залишається чернеткою: скористайтеся /write, щоб обрати інший спосіб надсилання.
letter-ui-finish-failed-relay-limit = Поки ви завершували цей лист, ви досягли денної межі листів, переданих організаторам. Лист залишається чернеткою: скористайтеся /write, щоб надіслати його самостійно (через «ФСИН-письмо» або поштою), або передайте організаторам завтра.
letter-ui-done-title = { $declined ->
        [yes] Ваш лист { $dative } готовий.
       *[other] Ваш лист готовий. Отримувач: { $name }.
    } Його номер: { $reference }
letter-ui-done-copy = Ось лист, щоб скопіювати. Нижче він також є файлом.
letter-ui-file-caption = Лист файлом, щоб роздрукувати чи вставити ({ $reference }).
letter-ui-done-organisers = { $declined ->
        [yes] Ваш лист { $dative } передано організаторам.
       *[other] Ваш лист передано організаторам. Отримувач: { $name }.
    } Його номер: { $reference }. Вони прочитають його, оберуть найбезпечніший спосіб доставки й повідомлять вас тут. Вони можуть повернути його вам із поясненням.
letter-ui-done-footer = Дякуємо, що пишете. /letters показує ваші листи й що з ними сталося.
letter-ui-packet-fsin-title = «ФСИН-письмо», крок за кроком
letter-ui-packet-price-title = Вартість
letter-ui-packet-post-title = Поштою
letter-ui-drafts-title = У вас є незавершені листи:
letter-ui-drafts-title-text = Якщо це було для листа: у вас є незавершені листи. Продовжте потрібний і надішліть текст ще раз.
letter-ui-drafts-line = { $name }: { $stats } (востаннє змінено { $date })
letter-ui-button-continue-to = ✍️ Продовжити: { $name }
letter-ui-button-discard-short = 🗑 Видалити
letter-ui-button-someone-else = ✉️ Написати комусь іншому
letter-ui-stale-draft = Цей лист уже не чернетка: його завершено або видалено. Дивіться /letters.
letter-ui-stale-button = Ця кнопка належить до кроку, який уже минув. Ваш лист збережено: щоб продовжити, скористайтеся /write.
letter-ui-stale-button-no-draft = Ця кнопка належить до кроку, який уже минув, а незавершеного листа у вас немає. /letters показує ваші листи; /write — почати новий.
letter-ui-list-title = Ваші листи (сторінка { $page })
letter-ui-list-empty = Ви ще не написали жодного листа.
letter-ui-button-write = ✍️ Написати листа
letter-ui-button-write-again = ✍️ Написати ще: { $name }
letter-ui-button-newer = ‹ Новіші
letter-ui-button-older = Старіші ›
letter-ui-button-again = 📄 Лист і як його надіслати: { $reference }
letter-ui-again-title = { $declined ->
        [yes] Ваш лист { $dative } ще раз ({ $reference }).
       *[other] Ваш лист ще раз ({ $reference }). Отримувач: { $name }.
    }
letter-ui-again-route-gone = Довідник більше не дає цього способу надсилання для: { $name }. Не використовуйте стару адресу чи дані форми. Перевірте картку людини, перш ніж надсилати лист.
letter-ui-again-unavailable = Текст цього листа вже не зберігається (його видаляють через { $days } дн. після завершення листа) або лист пішов через організаторів.
letter-ui-button-append = ➕ Додати ще
letter-ui-append-prompt = Надішліть наступну частину листа: вона додасться новим абзацом.
