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

## Чернетка

letter-draft-stats = { $characters } знаків · { $words } слів · приблизно { $pages } { $pages ->
        [one] друкована сторінка
        [few] друковані сторінки
       *[other] друкованих сторінок
    }
letter-draft-too-long = Із цим текстом лист мав би { $characters } знаків, а межа — { $limit }. Скоротіть його або замініть чернетку коротшим текстом.
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
letter-starter-gloss-greeting-formal-respected = «Шановний (шановна) { $recipientName }!» Шанобливо, трохи офіційно.
letter-starter-gloss-greeting-polite-hello = «Добрий день, { $recipientName }!» Ввічливо, на ім'я.
letter-starter-gloss-greeting-polite-dear = «Дорогий (дорога) { $recipientName }, добрий день!» Тепло й ввічливо.
letter-starter-gloss-greeting-informal-hi = «Привіт, { $recipientName }!» Неформально.
letter-starter-gloss-greeting-informal-dear = «Дорогий (дорога) { $recipientName }, привіт!» Тепло й неформально.
letter-starter-gloss-opening-punishment-cell = «Я дізнався (дізналася), що вам зараз нелегко, і вирішив (вирішила) написати: нехай у вас буде лист, який просто приємно прочитати.» Сам ШІЗО не згадується.
letter-starter-gloss-opening-birthday = «Вітаю з днем народження!»
letter-starter-gloss-intro-name-and-city = «Мене звати { $writerName }, моє місто — { $writerCity }.»
letter-starter-gloss-intro-name = «Мене звати { $writerName }.»
letter-starter-gloss-intro-strangers = «Ми з вами не знайомі, але мені захотілося вам написати.»
letter-starter-gloss-intro-long-wanted = «Я давно хотів (хотіла) вам написати — і ось нарешті пишу.»
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
letter-starter-gloss-wish-reply-welcome = «Буду радий (рада) вашій відповіді, якщо захочеться написати.»
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
