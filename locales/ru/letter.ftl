## Письмо: советы, конструктор письма, черновик, доставка.
## Факты и источники: research/censorship-and-delivery.md. Русский текст самого письма — в data/letter-starter.json.

## Советы перед письмом

letter-guidance-language-ru = Пишите по-русски. Письма на других языках, в том числе на украинском, ждут перевода или их просто не передают; одно такое письмо вернули со штампом «переписка разрешена только на русском языке». Простой русский — это нормально: поддержка важнее безупречной грамматики.
letter-guidance-language-by = Пишите только по-русски или по-белорусски: письма на других языках выбрасывают (Libereco).
letter-guidance-avoid-ru = Не пишите о войне и армии; о лозунгах и символах, в том числе «Крым — это Украина»; об организациях, запрещённых в России; не оскорбляйте чиновников и не призывайте к протестам; избегайте сокращений, жаргона, шифров и иностранных слов; не затрагивайте ЛГБТК+ темы (это может навредить заключённому в отношениях с другими заключёнными и персоналом); не пишите о деньгах, телефонах и условиях содержания. Такие письма не доходят, а из-за частных писем уже возбуждали уголовные дела.
letter-guidance-avoid-by = Не пишите ничего политического, даже вскользь, и избегайте слов «свобода» и «борьба». Не спрашивайте о еде, администрации и соседях по камере.
letter-guidance-case-pretrial = Следствие ещё идёт: не упоминайте дело совсем — никаких подробностей, доказательств, других людей по делу и вашего мнения о нём. В СИЗО такое письмо может попасть к следователю и навредить защите.
letter-guidance-case = Не обсуждайте уголовное дело — подробности, доказательства, других людей по делу: это может юридически навредить заключённому («Мемориал»).
letter-guidance-tone = Тепло, а не жалость. Избегайте «держись», «не унывай» и «свобода уже близко»: заключённые просили так не писать.
letter-guidance-topics = Что интересно читать в заключении: повседневная жизнь, фильмы, книги, работа, домашние животные, новости из их профессиональной области. Расскажите о себе и задайте вопросы, чтобы было на что ответить.
letter-guidance-by-relatives-only = Будьте готовы: после приговора политзаключённые в Беларуси часто получают письма только от близких родственников («Вясна»). Ваше письмо могут не передать.
letter-guidance-by-pretrial-arbitrary = В белорусских СИЗО письма передают произвольно («Вясна»): ваше могут и не передать.
letter-guidance-by-short = Пишите коротко — так советуют белорусские организаторы (Libereco).
letter-guidance-reply-ru = Ответ возможен. На «ФСИН-письме» отметьте платный бланк ответа: заключённый отвечает на нём от руки, а вы получаете скан. По почте вложите чистую бумагу, конверт и марку.
letter-guidance-reply-by = Чтобы ответ был возможен, вложите чистый лист и конверт, на котором уже написан ваш адрес.
letter-guidance-signature = Подписывайтесь одним именем, которым будете пользоваться и дальше, — своим или псевдонимом, — а не анонимно: так заключённый будет знать, что пишет тот же человек.
letter-guidance-writer-risk-ru = Каждое письмо читает цензор. Цензоры редко передают письма следователям, но такое бывало, и из-за частных писем возбуждали уголовные дела: пишите только то, что сказали бы при постороннем.
letter-guidance-reply-ru-fsin = Ответ возможен: во «ФСИН-письме» отметьте платный бланк ответа — заключённый отвечает на нём от руки, а вы получаете скан.
letter-guidance-reply-ru-post = Ответ возможен: вложите в конверт чистую бумагу, конверт и марку.
letter-brief-language-ru = Пишите по-русски: письма на других языках не передают.
letter-brief-language-by = Пишите по-русски или по-белорусски: письма на других языках выбрасывают.
letter-brief-avoid-ru = Без войны, политики и подробностей дела: такое вычёркивают или письмо не передают.
letter-brief-avoid-by = Ничего политического, даже вскользь, и без подробностей дела.
letter-brief-avoid-pretrial = Дело не упоминайте совсем: следствие ещё идёт. И без войны и политики.
letter-brief-tone = Тепло, а не жалость: о будничной жизни, с вопросами — и без «держись».
letter-brief-reminder-ru = Напоминание: по-русски, без войны, политики и дела.
letter-brief-reminder-by = Напоминание: по-русски или по-белорусски, коротко, ничего политического.

## Черновик

letter-draft-stats = { $characters } { $characters ->
        [one] знак
        [few] знака
       *[other] знаков
    } · { $words } { $words ->
        [one] слово
        [few] слова
       *[other] слов
    } · примерно { $pages } { $pages ->
        [one] печатная страница
        [few] печатные страницы
       *[other] печатных страниц
    }
letter-draft-too-long = С этим текстом в письме было бы { $characters } { $characters ->
        [one] знак
        [few] знака
       *[other] знаков
    }, а предел — { $limit }. Сократите его или замените черновик более коротким текстом.
letter-draft-empty = В этом сообщении нет текста, который можно добавить в письмо.
letter-draft-advice-short-by = Это письмо займёт примерно { $pages } { $pages ->
        [one] печатную страницу
        [few] печатные страницы
       *[other] печатных страниц
    }. В Беларусь лучше писать короче: организаторы советуют короткие тексты.

## Конструктор письма: подписи

letter-starter-name-form-formal = Официально: имя и отчество, «Вы»
letter-starter-name-form-polite = Вежливо: по имени, «Вы»
letter-starter-name-form-informal = Неформально: по имени, «ты»
letter-starter-writer-gender-male = Обо мне — в мужском роде («я узнал»)
letter-starter-writer-gender-female = Обо мне — в женском роде («я узнала»)
letter-starter-writer-gender-neutral = Без форм рода обо мне
letter-starter-block-greeting = Приветствие
letter-starter-block-opening = Вступление
letter-starter-block-introduction = О себе
letter-starter-block-question = Вопросы
letter-starter-block-wish = Пожелания
letter-starter-block-sign-off = Завершение

## Конструктор письма: что делает каждая фраза

letter-starter-gloss-greeting-formal-hello = Официальное приветствие по имени и отчеству ({ $recipientName }).
letter-starter-gloss-greeting-formal-respected = Уважительное и немного официальное обращение по имени и отчеству ({ $recipientName }).
letter-starter-gloss-greeting-polite-hello = Вежливое приветствие по имени ({ $recipientName }).
letter-starter-gloss-greeting-polite-dear = Тёплое и вежливое обращение по имени ({ $recipientName }).
letter-starter-gloss-greeting-informal-hi = Неформальное приветствие на «ты» ({ $recipientName }).
letter-starter-gloss-greeting-informal-dear = Тёплое неформальное обращение на «ты» ({ $recipientName }).
letter-starter-gloss-opening-punishment-cell = Показывает, что вы знаете о трудностях, не называя ШИЗО и не жалея.
letter-starter-gloss-opening-birthday = Поздравление с днём рождения.
letter-starter-gloss-intro-name-and-city = Представляет вас по имени ({ $writerName }) и называет ваш город ({ $writerCity }).
letter-starter-gloss-intro-name = Представляет вас по имени ({ $writerName }).
letter-starter-gloss-intro-strangers = Объясняет, что вы не знакомы, но захотели написать.
letter-starter-gloss-intro-long-wanted = Говорит, что вы давно собирались написать.
letter-starter-gloss-question-books = Вопрос о книгах: что читает и что посоветует.
letter-starter-gloss-question-films = Вопрос о любимых фильмах.
letter-starter-gloss-question-music = Вопрос о любимой музыке и просьба посоветовать песню.
letter-starter-gloss-question-sport = Вопрос о спорте: чем { $recipientGender ->
        [female] занималась
       *[other] занимался
    } и за кого болеет.
letter-starter-gloss-question-chess = Вопрос о шахматах и любимом шахматисте.
letter-starter-gloss-question-history = Вопрос о любимом периоде истории.
letter-starter-gloss-question-science = Вопрос о новостях науки и обещание рассказать о них в следующем письме.
letter-starter-gloss-question-technology = Вопрос о новостях технологий и предложение рассказать о новом.
letter-starter-gloss-question-mathematics = Вопрос о любимой области математики.
letter-starter-gloss-question-writing = Вопрос о собственных текстах и о том, над чем человек работает.
letter-starter-gloss-question-ecology = Вопрос о темах экологии и предложение рассказать о новостях.
letter-starter-gloss-question-art = Вопрос о рисовании и любимых художниках.
letter-starter-gloss-question-poetry = Вопрос о любимых стихах и собственных стихах.
letter-starter-gloss-question-languages = Вопрос о языках, которые человек знает или хочет выучить.
letter-starter-gloss-question-travel = Вопрос о любимых местах.
letter-starter-gloss-question-animals = Вопрос о домашних животных.
letter-starter-gloss-question-theatre = Вопрос о театре и запомнившемся спектакле.
letter-starter-gloss-question-philosophy = Вопрос о близких философах.
letter-starter-gloss-question-gardening = Вопрос о саде и о том, что нравится выращивать.
letter-starter-gloss-question-favourite-pastime = Вопрос о любимом занятии.
letter-starter-gloss-question-letter-topics = Вопрос о том, о чём было бы интересно получать письма.
letter-starter-gloss-question-favourite-book-or-film = Вопрос о любимой книге или фильме.
letter-starter-gloss-question-memorable-place = Вопрос о запомнившемся месте.
letter-starter-gloss-question-childhood-dream = Вопрос о детской мечте.
letter-starter-gloss-wish-health-books-news = Пожелание здоровья, интересных книг и хороших новостей.
letter-starter-gloss-wish-remembered = Говорит, что о человеке помнят.
letter-starter-gloss-wish-not-alone = Говорит, что человек не один и о нём думают многие.
letter-starter-gloss-wish-good-every-day = Пожелание чего-то хорошего в каждом дне.
letter-starter-gloss-wish-reply-welcome = Приглашает ответить, не настаивая.
letter-starter-gloss-sign-off-respect = Вежливое завершение; дальше ваша подпись.
letter-starter-gloss-sign-off-warmth = Тёплое завершение; дальше ваша подпись.
letter-starter-gloss-sign-off-all-the-best = Доброе пожелание на прощание; дальше ваша подпись.
letter-starter-gloss-sign-off-until-next-letter = Обещание написать снова; дальше ваша подпись.

## Доставка

letter-delivery-not-in-custody = Насколько нам известно, этот человек уже не под стражей, поэтому «Листы» не отправляют ему письма.
letter-delivery-letters-not-accepted = Письма этому человеку сейчас не отправляются; причина указана в карточке заключённого.
letter-delivery-fsin-names-unknown = «ФСИН-письмо» обслуживает это учреждение, но мы пока не знаем, как именно оно называется в форме, поэтому этот способ не предлагаем.
letter-delivery-no-safe-address = { $name }: сейчас мы не знаем безопасного адреса. Пожалуйста, не угадывайте: письмо, отправленное не туда, пропадёт.
letter-delivery-keep-draft = Ваше письмо сохранено как черновик — к нему можно вернуться.
letter-delivery-organisers = Передайте письмо организаторам: они его прочитают, выберут самый безопасный способ доставки и сообщат, что с ним. Они могут вернуть письмо вам с объяснением.
letter-delivery-recheck-institution = Заключённых переводят, и письмо по старому адресу может потеряться. Перед каждым письмом проверяйте, актуально ли учреждение.
letter-delivery-blocking-ru = С середины 2023 года письма политзаключённым часто выборочно не передают (DW). Если ответа нет, это не обязательно из-за вашего письма.
letter-delivery-patronymic-unknown = Мы не знаем отчества этого человека. Напишите имя точно так, как показано, и не придумывайте отчество.
letter-delivery-birth-year-unknown = Мы не знаем года рождения, по которому в тюрьмах различают людей с одинаковыми именами. Лучше не указывайте его, чем угадывать.

## Доставка: «ФСИН-письмо»

letter-fsin-step-open = Откройте { $url } и начните новое письмо.
letter-fsin-step-region = В поле «Куда» выберите регион: { $region }
letter-fsin-step-institution = Затем выберите учреждение: { $institution }
letter-fsin-step-recipient = Получатель: { $recipient }
letter-fsin-step-sender = Заполните свои данные отправителя; форма спрашивает email и номер телефона.
letter-fsin-step-text = Вставьте текст письма (на русском).
letter-fsin-step-reply-form = Отметьте платный бланк ответа: заключённый отвечает на нём от руки, а вы получаете скан.
letter-fsin-step-photos = Можно приложить фото: их печатают чёрно-белыми, и каждое оплачивается отдельно.
letter-fsin-step-pay = Оплатите российской банковской картой: иностранные карты не принимаются.
letter-fsin-delivery-time = Доставка — до 3 рабочих дней, плюс цензура: по закону до 3 рабочих дней (до 7 для письма на иностранном языке).
letter-fsin-no-russian-card = Нет российской банковской карты? Эти службы доставят письмо в российскую тюрьму за вас:
letter-fsin-price-item-letter = Письмо: { $unitPrice } руб.
letter-fsin-price-item-reply-form = Бланк ответа: { $unitPrice } руб.
letter-fsin-price-item-image = Изображения: { $quantity } × { $unitPrice } руб. = { $subtotal } руб.
letter-fsin-price-total = Примерно: { $total } руб.
letter-fsin-price-caveat = Эти цены опубликованы в { $observed } годах ({ $source }) и с тех пор могли измениться: проверьте актуальную цену на «ФСИН-письме».

## Доставка: почта

letter-post-envelope-intro-ru = Напишите на конверте по-русски, точно так:
letter-post-envelope-intro-by = Напишите на конверте по-русски или по-белорусски, точно так:
letter-post-country-note = Отправляете из-за границы? Добавьте последней строкой страну: { $country }
letter-post-enclose-ru = Для ответа вложите чистую бумагу, конверт и марку.
letter-post-rules-ru = Письмо и адрес — по-русски. На конверте должны быть полное имя, отчество и год рождения.
letter-post-ask-post-office = Спросите в своём почтовом отделении, принимают ли письма в эту страну и сколько это стоит.
letter-post-enclose-by = Для ответа вложите чистый лист и конверт, на котором уже написан ваш адрес.
letter-post-rules-by = Только по-русски или по-белорусски. Простой конверт весом до 20 г. Никакого политического контекста — ни в письме, ни на конверте.
letter-post-by-no-e-letters = В Беларуси нет государственного сервиса электронных писем для посторонних, а частный сервис Pismo.bel в декабре 2024 года признали «экстремистским»: не пользуйтесь им.

## Посредники (российские тюрьмы)

letter-intermediary-ovd-info-letters-now-name = «ОВД-Инфо»: Letters Now
letter-intermediary-ovd-info-letters-now-about = Бесплатно: вы пишете письмо на их сайте, они доставляют его и присылают вам ответ по электронной почте. До некоторых заключённых они дотянуться не могут.
letter-intermediary-rosuznik-name = «РосУзник»
letter-intermediary-rosuznik-about = Форма на сайте: волонтёры печатают и отправляют ваше письмо — около 2–3 дней вместе с цензурой — и пересылают ответы.
letter-intermediary-rights-in-russia-name = Rights in Russia: Write to Russia
letter-intermediary-rights-in-russia-about = Переводят письма с английского на русский и отправляют их (около £2,50 за письмо); ответы переводят для вас.

## Статусы писем и способы доставки

letter-status-draft = Черновик
letter-status-finished = Готово к отправке
letter-status-relayed = У организаторов
letter-status-accepted = Принято организаторами
letter-status-returned = Возвращено вам
letter-status-printed = Напечатано
letter-status-sent = Отправлено
letter-status-reply-received = Получен ответ
letter-status-discarded = Удалено
letter-status-closed = Закрыто
letter-route-fsin-pismo = «ФСИН-письмо»
letter-route-post = Почтой
letter-route-organisers = Через организаторов

## Письмо в боте (src/bot/features/letter): экраны, кнопки и подсказки

letter-ui-search-prompt = Кому вы хотите написать? Отправьте фамилию в любом написании: по-русски, по-украински или латиницей (например, Кагарлицкий).
letter-ui-search-text-only = Пожалуйста, отправьте имя текстовым сообщением.
letter-ui-search-too-long = Это похоже не на имя, а на что-то длиннее. Сначала скажите, кому письмо: отправьте только фамилию.
letter-ui-search-nobody = В нашем справочнике нет никого по имени «{ $query }». Проверьте написание, попробуйте только фамилию или другое написание (по-русски, по-украински или латиницей). «Листы» показывают только людей, чьё положение мы смогли подтвердить по источникам.
letter-ui-search-results = { $count ->
        [one] Найден один человек. Это тот, кого вы ищете?
       *[other] Найдено людей: { $count }. Выберите нужного:
    }
letter-ui-search-more = Показаны первые { $shown } из { $total }. Выберите человека или добавьте имя или год рождения, чтобы сузить поиск.
letter-ui-unknown-prisoner = Этого человека нет в нашем справочнике (ссылка или кнопка могли устареть). Воспользуйтесь /write, чтобы найти человека по имени.
letter-ui-refused = Сейчас через «Листы» нельзя написать этому человеку: { $name }.
letter-ui-refused-free = 🕊 { $name } на свободе!
letter-ui-refused-source = Статус на { $asOf }, источник: { $url }
letter-ui-guidance-russian-name = По-русски: { $name }
letter-ui-guidance-where = Место содержания: { $name }, { $region }
letter-ui-guidance-before = Прежде чем писать:
letter-ui-button-starter = 🧩 Помогите начать
letter-ui-continue = { $declined ->
        [yes] Продолжим ваше письмо { $dative }. Оно сохранено таким, каким было.
       *[other] Продолжим ваше письмо. Получатель: { $name }. Письмо сохранено таким, каким было.
    }
letter-ui-writing-title = { $declined ->
        [yes] Письмо { $dative }
       *[other] Письмо. Получатель: { $name }
    }
letter-ui-writing-closing-note = Ваши сообщения вставляются перед концовкой заготовки (пожеланиями и прощанием).
letter-ui-writing-so-far = Ваш черновик сейчас: { $stats }
letter-ui-button-done = ✅ Готово: проверить письмо
letter-ui-button-show = 👁 Показать черновик
letter-ui-button-replace = 🔁 Заменить весь текст
letter-ui-button-discard = 🗑 Удалить письмо
letter-ui-saved = Сохранено. { $stats }
letter-ui-saved-next = Отправьте ещё текст или нажмите «Готово», чтобы проверить письмо.
letter-ui-saved-after-refusal = ⚠️ Ваше предыдущее сообщение не сохранено (с ним письмо превысило бы предел), поэтому в письме его нет. Если оба — части одного длинного текста, замените черновик более короткой версией («Заменить весь текст»).
letter-ui-long-for-telegram = Это длиннее одного сообщения Telegram, и это нормально: когда письмо будет готово, вы получите его частями и файлом. Предел — { $limit } знаков.
letter-ui-draft-unchanged = Черновик не изменён: { $stats }
letter-ui-draft-still-empty = Черновик пока пуст.
letter-ui-draft-safe = Ваш черновик сохранён: { $stats }
letter-ui-draft-shown = Это ваш черновик: { $stats }
letter-ui-text-only = В письмо идёт только текст: напишите или вставьте его сообщением. Голосовые, стикеры, фото и файлы сюда добавить нельзя.
letter-ui-writing-edited = Если отредактировать уже отправленное сообщение, черновик не изменится. Отправьте исправленный текст ещё раз или нажмите «Заменить весь текст».
letter-ui-done-empty = Письмо пока пустое: сначала отправьте его текст.
letter-ui-replace-prompt = Отправьте новый текст всего письма: он заменит всё, что есть в черновике.
letter-ui-button-keep-draft = Оставить черновик как есть
letter-ui-replace-cancelled = Черновик остался таким, каким был.
letter-ui-discard-confirm = Удалить ваше письмо для: { $name }? Его текст будет стёрт.
letter-ui-button-discard-yes = Да, удалить
letter-ui-button-discard-no = Нет, оставить
letter-ui-discard-kept = Письмо остаётся. Отправьте ещё текст или нажмите «Готово».
letter-ui-discard-kept-offer = Письмо остаётся сохранённым.
letter-ui-discarded = Письмо удалено, его текст стёрт.
letter-ui-discard-nothing = Сохранённого текста для удаления не было.
letter-ui-use-buttons = Пожалуйста, выберите одну из кнопок выше.
letter-ui-starter-intro = Вот готовые фразы по-русски. Под каждой — что она значит. Выберите подходящие; потом всё можно изменить и добавить свои слова.
letter-ui-starter-ask-name-form = Как вы хотите обращаться к адресату ({ $name })?
letter-ui-starter-ask-writer-gender = Фразы о том, кто пишет, меняются по роду («я узнал» или «я узнала»). Как говорить о вас?
letter-ui-starter-pick-one = { $block }: выберите одно
letter-ui-starter-pick-many = { $block }: выберите сколько угодно, затем нажмите «Дальше»
letter-ui-button-skip = Пропустить
letter-ui-button-next = Дальше ➡️
letter-ui-starter-done = Начало вашего письма уже в черновике. { $stats }
letter-ui-starter-next = Теперь добавьте несколько своих предложений: о своём дне, о книге, о том, что заметили. Отправляйте их сообщениями или скопируйте текст ниже, измените и отправьте обратно через «Заменить весь текст».
letter-ui-starter-next-closing = Теперь добавьте несколько своих предложений: о своём дне, о книге, о том, что заметили. Каждое сообщение встанет перед пожеланиями и прощанием. Можно также скопировать текст ниже, изменить и отправить обратно через «Заменить весь текст».
letter-ui-check-clean = ✅ Проверка не нашла ничего, что, как известно, останавливает письмо или подвергает кого-то опасности. Но каждое письмо всё равно читает цензор.
letter-ui-check-found-severe = Проверка нашла { $count ->
        [one] { $count } место, которое стоит изменить
        [few] { $count } места, которые стоит изменить
       *[other] { $count } мест, которые стоит изменить
    }. { $count ->
        [1] Оно может остановить письмо или подвергнуть опасности заключённого или вас.
       *[other] Некоторые могут остановить письмо или подвергнуть опасности заключённого или вас.
    }
letter-ui-check-found-advice = У проверки { $count ->
        [one] { $count } совет
        [few] { $count } совета
       *[other] { $count } советов
    } о тоне. Ничто из этого не останавливает письмо.
letter-ui-check-more = и ещё { $count }
letter-ui-check-language-detected = Похоже, письмо написано на таком языке: { $language }.
letter-ui-check-why = Почему:
letter-ui-check-instead = Вместо этого:
letter-ui-check-use-buttons = Чтобы изменить письмо, нажмите «Редактировать письмо», а затем отправьте новый текст.
letter-ui-button-edit = ✏️ Редактировать письмо
letter-ui-button-keep = Оставить как есть
letter-ui-button-stop = ⏸ Пока остановиться
letter-ui-stopped = Остановились. Ваше письмо сохранено: чтобы продолжить, воспользуйтесь /write.
letter-ui-keep-confirm = Вы уверены? Части этого письма, скорее всего, вычеркнут или из-за них письмо не передадут, либо они могут подвергнуть опасности адресата ({ $name }) или вас. Проверка может ошибаться, но, пожалуйста, прочитайте её предупреждения, прежде чем решать.
letter-ui-button-keep-yes = Да, оставить как есть
letter-ui-button-keep-no = Нет, я отредактирую
letter-ui-sign-ask = Как вы подпишете письмо? Отправьте имя или псевдоним и, если хотите, город второй строкой. Украинский город, где вы живёте, лучше не указывать: письма могут попасть к следователям.
letter-ui-sign-ask-remembered = Как вы подпишете это письмо?
letter-ui-button-sign-as = Подписать «{ $signature }»
letter-ui-button-sign-other = Другая подпись
letter-ui-sign-text-only = Пожалуйста, отправьте подпись текстом: имя или псевдоним и, по желанию, город второй строкой.
letter-ui-sign-invalid-empty = Подпись пустая. Отправьте имя или псевдоним.
letter-ui-sign-invalid-too-long = Это слишком длинно для подписи: не больше { $max } знаков для имени и для города.
letter-ui-sign-invalid-too-many-lines = Отправьте не больше двух строк: имя, затем город.
letter-ui-sign-remember = Подпись: «{ $signature }». Запомнить её для следующих писем?
letter-ui-button-remember-yes = Да, запомнить
letter-ui-button-remember-no = Нет, только для этого письма
letter-ui-send-choose = Как вы отправите письмо?
letter-ui-send-no-route = Ваше письмо остаётся сохранённым как черновик. Чтобы вернуться к нему, воспользуйтесь /write.
letter-ui-route-about-fsin-pismo = электронное письмо, которое в колонии распечатывают и передают. Обычно быстрее всего, а ответ может прийти на платном бланке ответа. Для оплаты нужна российская банковская карта; сервисы, которые помогают без неё, будут ниже, когда вы выберете этот способ.
letter-ui-route-about-post = бумажное письмо в конверте. Вы получите адрес по-русски точно так, как его писать на конверте.
letter-ui-share-identity = Могут ли организаторы видеть ваше имя в Telegram? Для печати письма им нужна только подпись.
letter-ui-button-share-yes = Да, показать моё имя в Telegram
letter-ui-button-share-no = Нет, только подпись
letter-ui-finish-failed-not-found = Это письмо здесь уже не черновик: возможно, его завершили или удалили из другого сообщения. Смотрите /letters.
letter-ui-finish-failed-not-a-draft = Это письмо уже завершено. Смотрите /letters.
letter-ui-finish-failed-empty = Письмо пустое. Воспользуйтесь /write, чтобы написать его снова.
letter-ui-finish-failed-no-signature = Письму нужна подпись. Воспользуйтесь /write, чтобы продолжить.
letter-ui-finish-failed-no-organiser-chat = Организаторы сейчас не могут принять письма для этого человека. Ваше письмо остаётся черновиком: воспользуйтесь /write, чтобы выбрать другой способ отправки.
letter-ui-finish-failed-relay-limit = Пока вы завершали это письмо, вы достигли дневного предела писем, переданных организаторам. Письмо остаётся черновиком: воспользуйтесь /write, чтобы отправить его самостоятельно (через «ФСИН-письмо» или почтой), или передайте организаторам завтра.
letter-ui-done-title = { $declined ->
        [yes] Ваше письмо { $dative } готово.
       *[other] Ваше письмо готово. Получатель: { $name }.
    } Его номер: { $reference }
letter-ui-done-copy = Вот письмо, чтобы скопировать. Ниже оно также есть файлом.
letter-ui-file-caption = Письмо файлом, чтобы распечатать или вставить ({ $reference }).
letter-ui-done-organisers = { $declined ->
        [yes] Ваше письмо { $dative } передано организаторам.
       *[other] Ваше письмо передано организаторам. Получатель: { $name }.
    } Его номер: { $reference }. Они прочитают его, выберут самый безопасный способ доставки и сообщат вам здесь. Они могут вернуть его вам с объяснением.
letter-ui-done-footer = Спасибо, что пишете. /letters показывает ваши письма и что с ними стало.
letter-ui-packet-fsin-title = «ФСИН-письмо», шаг за шагом
letter-ui-packet-price-title = Стоимость
letter-ui-packet-post-title = Почтой
letter-ui-drafts-title = У вас есть незавершённые письма:
letter-ui-drafts-title-text = Если это было для письма: у вас есть незавершённые письма. Продолжите нужное и отправьте текст ещё раз.
letter-ui-drafts-line = { $name }: { $stats } (последняя правка { $date })
letter-ui-button-continue-to = ✍️ Продолжить: { $name }
letter-ui-button-discard-short = 🗑 Удалить
letter-ui-button-someone-else = ✉️ Написать кому-то другому
letter-ui-stale-draft = Это письмо уже не черновик: оно завершено или удалено. Смотрите /letters.
letter-ui-stale-button = Эта кнопка относится к шагу, который уже прошёл. Ваше письмо сохранено: чтобы продолжить, воспользуйтесь /write.
letter-ui-stale-button-no-draft = Эта кнопка относится к шагу, который уже прошёл, а незавершённого письма у вас нет. /letters показывает ваши письма; /write — начать новое.
letter-ui-list-title = Ваши письма (страница { $page })
letter-ui-list-empty = Вы ещё не написали ни одного письма.
letter-ui-button-write = ✍️ Написать письмо
letter-ui-button-write-again = ✍️ Написать ещё: { $name }
letter-ui-button-newer = ‹ Новее
letter-ui-button-older = Старее ›
letter-ui-button-again = 📄 Письмо и как его отправить: { $reference }
letter-ui-again-title = { $declined ->
        [yes] Ваше письмо { $dative } ещё раз ({ $reference }).
       *[other] Ваше письмо ещё раз ({ $reference }). Получатель: { $name }.
    }
letter-ui-again-route-gone = Справочник больше не даёт этого способа отправки для: { $name }. Не используйте старый адрес или данные формы. Проверьте карточку человека, прежде чем отправлять письмо.
letter-ui-again-unavailable = Текст этого письма уже не хранится (его удаляют через { $days } дн. после завершения письма) или письмо ушло через организаторов.
letter-ui-button-append = ➕ Добавить ещё
letter-ui-append-prompt = Отправьте следующую часть письма: она добавится новым абзацем.
