# Новости дел: подписки, напоминания, публикация (организаторы), сообщения с новостями. Даты приходят уже отформатированными.

## Команды и главное меню (список команд берёт ключи `command-<name>`).
command-subscriptions = Новости дел, за которыми я слежу
command-reminders = Напоминания написать
news-menu-subscriptions = 📰 Новости дел

## Кнопки.
news-button-follow = 🔔 Следить за делом
news-button-unfollow = 🔕 Не следить
news-button-unfollow-named = 🔕 Не следить: { $name }
news-button-remind = ⏰ Напомнить написать
news-button-write = ✍️ Написать письмо поддержки
news-button-write-to = ✍️ Написать: { $name }
news-button-continue-letter = ✍️ Продолжить письмо
news-button-follow-campaign = ➕ Следить за всей кампанией
news-button-campaign-follow = ➕ Следить за кампанией «{ $name }»
news-button-campaign-following = ✓ Вы следите за кампанией «{ $name }»
news-button-reminders = ⏰ Напоминания
news-button-back = ◀️ Назад
news-button-add-reminder = ➕ Добавить напоминание
news-button-stop-reminder = ✖️ Отключить: { $name }
news-button-birthdays-on = 🎂 Включить напоминания о днях рождения
news-button-birthdays-off = 🎂 Отключить напоминания о днях рождения
news-stale-button = Эта кнопка устарела. Откройте /subscriptions или найдите заключённого ещё раз.

## Подписка.
news-followed = Теперь вы следите за делом: { $name }. Новости будут приходить сюда.
news-unfollowed = Вы больше не получаете новости о деле: { $name }.
news-unfollowed-in-campaign = Вы больше не получаете новости о деле: { $name }. Новости о других заключённых кампании «{ $campaigns }» будут приходить и дальше.
news-unfollowed-short = Подписка отключена.
news-campaign-followed = Вы следите за кампанией «{ $name }»: новости обо всех её заключённых, в том числе о тех, кого добавят позже.
news-campaign-unfollowed = Вы больше не следите за кампанией «{ $name }».
news-campaigns-title = Кампании. Следя за кампанией, вы получаете новости обо всех её заключённых, в том числе о тех, кого добавят позже:

## /subscriptions.
news-subscriptions-title = 📰 Новости дел, за которыми вы следите
news-subscriptions-empty = Вы пока ни за кем не следите. Откройте карточку заключённого (/find) и нажмите «Следить за делом» — или следите за целой кампанией (кнопка ниже).
news-subscriptions-campaigns = Кампании:
news-subscriptions-prisoners = Заключённые:
news-subscriptions-muted = Не присылаются из этих кампаний (вы нажали «Не следить» под их новостью):
news-button-resume-named = 🔔 Снова следить: { $name }
news-resumed-short = Их новости снова будут приходить.
news-delivery-immediate = Сразу
news-delivery-digest = Ежедневная сводка
news-delivery-immediate-chosen = Доставка: каждая новость сразу, как только организаторы её опубликуют.
news-delivery-digest-chosen = Доставка: одна сводка в день, в { $hour }:00 по вашему времени ({ $zone }).
news-delivery-immediate-set = Новости будут приходить сразу после публикации.
news-delivery-digest-set = Новости будут приходить раз в день, в { $hour }:00 ({ $zone }).

## Напоминания.
news-reminders-title = ⏰ Напоминания написать
news-reminders-empty = Напоминаний пока нет. Напоминание раз в несколько недель помогает: регулярные письма значат больше, чем одно длинное.
news-reminders-item = { $name }: { $weeks ->
        [1] каждую неделю
        [2] раз в две недели
        [3] раз в три недели
        [4] раз в четыре недели
        [few] раз в { $weeks } недели
       *[other] раз в { $weeks } недель
    }, следующее — { $next }
news-birthdays-on = Напоминания о днях рождения: включены. За { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    } до дня рождения заключённого, за делом которого вы следите (если источник называет дату), я напомню вам.
news-birthdays-off = Напоминания о днях рождения: отключены.
news-birthdays-turned-on = Напоминания о днях рождения включены.
news-birthdays-turned-off = Напоминания о днях рождения отключены.
news-reminder-pick-prisoner = Кому напоминать написать?
news-reminder-pick-nobody = Вы не следите ни за кем, кто сейчас может получать письма. Сначала начните следить за делом заключённого (/find).
news-reminder-ask-weeks = Как часто напоминать написать: { $name }?
news-reminder-every = { $weeks ->
        [1] каждую неделю
        [2] раз в две недели
        [3] раз в три недели
        [4] раз в четыре недели
        [few] раз в { $weeks } недели
       *[other] раз в { $weeks } недель
    }
news-reminder-set = Готово: я буду напоминать написать ({ $name }) { $weeks ->
        [1] каждую неделю
        [2] раз в две недели
        [3] раз в три недели
        [4] раз в четыре недели
        [few] раз в { $weeks } недели
       *[other] раз в { $weeks } недель
    }. Первое напоминание: { $first }.
news-reminder-cannot-write = Письма сейчас не могут дойти: { $name }. Так что напоминать не о чем.
news-reminder-stopped = Напоминание отключено.
news-reminder-already-stopped = Это напоминание уже отключено.
news-reminder-text = ⏰ Пора написать: { $name }. Вы просили напоминать { $weeks ->
        [1] каждую неделю
        [2] раз в две недели
        [3] раз в три недели
        [4] раз в четыре недели
        [few] раз в { $weeks } недели
       *[other] раз в { $weeks } недель
    } — даже несколько строк говорят человеку, что о нём не забыли.
news-reminder-stop = ✖️ Отключить это напоминание
news-reminder-ended = { $name } больше не может получать письма в тюрьме, поэтому ваше напоминание написать отключено.
news-birthday-text = 🎂 { $name }: { $date } — день рождения, { $age } { $age ->
        [one] год
        [few] года
       *[other] лет
    }. Письмо ко дню рождения в заключении очень много значит — напишите сейчас, чтобы оно успело дойти.
news-birthday-turn-off = Отключить напоминания о днях рождения

## Сообщения с новостями.
news-event-punishment-cell = 🔴 ШИЗО на { $days } { $days ->
        [one] сутки
        [few] суток
       *[other] суток
    }
news-event-punishment-cell-no-days = 🔴 ШИЗО (штрафной изолятор)
news-event-transfer = 🚚 { $gender ->
        [female] Этапирована
       *[other] Этапирован
    }: { $institution }, { $region }
news-event-transfer-unknown = 🚚 { $gender ->
        [female] Этапирована
       *[other] Этапирован
    }; новое место пока неизвестно
news-event-hunger-strike = ⚠️ Голодовка
news-event-health = 🩺 Здоровье
news-event-court = ⚖️ Суд: заседание, приговор или наказание
news-event-release = 🕊 На свободе
news-event-exchange = 🕊 Освобождение в ходе обмена
news-event-other = 📰 Новости дела
news-source = Источник:
news-consequence-support = Письмо сейчас скажет человеку, что он не один.
news-consequence-transfer = Адрес в карточке заключённого обновлён. Письма на старое место могут не дойти.
news-consequence-free = Письма в тюрьму больше не нужны. Спасибо всем, кто писал.
news-digest-title = 📰 Новости дел, { $date }: { $count } { $count ->
        [one] новость
        [few] новости
       *[other] новостей
    }
news-note-draft-transfer = { $name }: человека перевели в другое место заключения. Ваше незаконченное письмо сохранено; когда вы его закончите, инструкция по отправке будет уже с новым адресом.
news-note-draft-closed = Хорошая новость: { $name } на свободе. Ваше незаконченное письмо закрыто — его больше не нужно отправлять в тюрьму. Спасибо, что хотели поддержать.
news-write-not-possible = { $name } больше не может получать письма в тюрьме.

## Посты в каналах, предложенные как новости.
news-offer-text = Пост в «{ $channel }» упоминает: { $name } ({ $hashtag }). Опубликовать его как новость дела для тех, кто следит?
news-offer-button = 📣 Опубликовать как новость
news-offer-ask-language = На каком языке написан пост в канале? Подписчики, читающие на этом языке, получат его как есть; другие языки можно добавить дальше.
news-offer-language-press = Выберите язык поста кнопкой выше или отправьте /cancel, чтобы остановиться.
news-offer-already-published = Этот пост уже опубликован как новость.

## Публикация (/news).
news-publish-not-allowed = Публиковать новости дел могут только организаторы кампании заключённого (и администраторы).
news-publish-no-longer-allowed = Вы больше не можете публиковать новости об этом заключённом: ваша роль организатора в его кампании закончилась. Ничего не отправлено.
news-publish-ask-prisoner = О чьём деле новость? Напишите имя в любом написании.
news-publish-prisoner-none = По запросу «{ $query }» никого не нашлось. Попробуйте только фамилию или другое написание.
news-publish-prisoner-not-yours = Найдено, но не в кампании, которую вы организуете. Публиковать можно только новости о заключённых ваших кампаний.
news-publish-prisoner-not-yours-pick = Вы не можете публиковать новости об этом заключённом. Напишите другое имя.
news-publish-prisoner-pick = Выберите заключённого:
news-publish-prisoner-pick-page = Выберите заключённого. Страница { $page } из { $pages }.
news-publish-prisoner-previous = ◀️ Назад
news-publish-prisoner-next = Далее ▶️
news-publish-prisoner-page-stale = Эта кнопка страницы устарела. Напишите имя ещё раз.
news-publish-ask-event = Что произошло? ({ $name })
news-event-choice-punishment-cell = 🔴 ШИЗО / ПКТ
news-event-choice-transfer = 🚚 Этап
news-event-choice-hunger-strike = ⚠️ Голодовка
news-event-choice-health = 🩺 Здоровье
news-event-choice-court = ⚖️ Суд
news-event-choice-release = 🕊 Освобождение
news-event-choice-exchange = 🕊 Обмен
news-event-choice-other = 📰 Другое
news-publish-use-buttons = Пожалуйста, выберите кнопкой выше.
news-publish-ask-days = На сколько суток? Отправьте число или нажмите кнопку, если источник этого не говорит.
news-publish-days-unknown = Неизвестно
news-publish-days-invalid = Отправьте количество суток — число от 1 до 365.
news-publish-ask-institution = Куда перевели? Напишите название или город места заключения (например, «Торжок» или «ИК-4»).
news-publish-institution-unknown = Пока неизвестно
news-publish-institution-none = В справочнике нет места заключения, подходящего под «{ $query }». Попробуйте другое слово; если его нет, попросите администратора добавить — или нажмите «Пока неизвестно».
news-publish-institution-pick = Выберите место заключения:
news-publish-ask-text = Отправьте текст новости { $language } — так, как его должны прочитать подписчики.
news-publish-text-empty = Текст пустой. Отправьте текст новости.
news-publish-text-too-long = Слишком длинный текст: не больше { $max } символов, чтобы новость уместилась в одно сообщение.
news-publish-ask-translations = Подписчики читают новости на языке своего интерфейса. Добавить текст на другом языке? Кому перевода нет, получат ваш текст как есть.
news-publish-add-translation = Добавить { $language }
news-publish-continue = Дальше ▶️
news-publish-ask-source = Отправьте ссылку на источник (https://…) или пропустите.
news-publish-ask-source-required = Отправьте ссылку на источник (https://…). Она обязательна: эта новость меняет карточку заключённого, а у каждого факта там указан источник.
news-publish-skip = Пропустить
news-publish-source-invalid = Это не похоже на веб-ссылку. Отправьте ссылку, которая начинается с https://
news-publish-source-required-ended = Публикация остановлена: этой новости нужна ссылка на источник.
news-publish-preview-intro = Предпросмотр: именно это получат подписчики, которые читают { $language }. Остальные получат то же на своём языке — с вашим текстом, если перевода нет.
news-publish-preview-translation = А так её получат те, кто читает { $language }:
news-publish-preview-buttons = Кнопки под сообщением: { $buttons }.
news-publish-audience = Сейчас новость получат { $immediate } { $immediate ->
        [one] подписчик
        [few] подписчика
       *[other] подписчиков
    }.
news-publish-audience-digest = Ещё { $digest } получат её в ежедневной сводке.
news-publish-question = Опубликовать?
news-publish-effect-transfer = Публикация также обновит карточку заключённого (новое место) и сообщит тем, у кого есть незаконченное письмо, что адрес изменился.
news-publish-effect-free = Публикация также отметит в карточке, что человек на свободе, уберёт кнопки писем и закроет незаконченные письма ему с тёплой запиской.
news-publish-button-publish = 📣 Опубликовать
news-publish-button-edit = ✏️ Изменить текст
news-publish-button-cancel = ✖️ Отменить
news-publish-cancelled = Отменено: ничего не опубликовано.
news-publish-gave-up = Давайте остановимся. Начните снова с /news, когда будете готовы.
news-publish-failed-prisoner-missing = Не опубликовано: этого заключённого больше нет в справочнике.
news-publish-failed-institution-missing = Не опубликовано: этого места заключения больше нет в справочнике.
news-publish-failed-needs-source = Не опубликовано: этой новости нужна ссылка на источник.
news-publish-failed-offer-used = Не опубликовано: другой организатор уже опубликовал этот пост.
news-publish-failed-already-published = Повторно не опубликовано: эта новость ушла, когда вы впервые нажали «Опубликовать»; как идёт рассылка, видно в сообщении выше.
news-language-uk = на украинском
news-language-en = на английском
news-language-ru = на русском

## Сообщение организатора о ходе рассылки и отчёт.
news-progress-preparing = 📣 Готовим рассылку…
news-progress-sending = 📣 Рассылаем новость ({ $name }): доставлено { $sent } из { $total }, не удалось — { $failed }.
news-progress-eta-seconds = Осталось около { $value } с.
news-progress-eta-minutes = Осталось около { $value } мин.
news-progress-digest = Ещё { $count } получат её в ежедневной сводке в { $hour }:00 по своему времени.
news-report = ✅ Готово: новость ({ $name }) дошла до { $sent } из { $total } { $total ->
        [one] подписчика
       *[other] подписчиков
    }.
news-report-failed-hint = Не доставлено: { $failed }. Это люди, которые заблокировали бота (они больше не считаются подписчиками), или чаты, которые Telegram отклонял после нескольких попыток.
news-report-digest-only = Опубликовано. Те, кто следит за делом ({ $name }), выбрали ежедневную сводку: { $count } получат новость в { $hour }:00 по своему времени.
news-report-nobody = Опубликовано. За делом ({ $name }) пока никто не следит, поэтому сообщения не отправлялись.
command-news = Опубликовать новость дела
news-button-timezone = 🕰 Часовой пояс: { $zone }
news-timezone-title = 🕰 Ваш часовой пояс: { $zone }. Сводка приходит в { $digest }:00, напоминания написать — в { $reminder }:00 по этому времени. Выберите другой пояс кнопкой или отправьте его название, например: /timezone Europe/Prague
news-timezone-set = Часовой пояс: { $zone }. Сводка — в { $digest }:00, напоминания — в { $reminder }:00 по этому времени.
news-timezone-unknown = Не знаю часового пояса «{ $name }». Отправьте название вроде Europe/Prague или America/Chicago, или город латиницей либо кириллицей (/timezone Prague, /timezone Прага), или выберите пояс ниже.
command-timezone = Часовой пояс сводки и напоминаний
