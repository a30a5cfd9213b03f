## Роли: приглашения и список организаторов

organisers-admin-only = Это могут делать только администраторы «Листов».
organisers-not-organiser = Это инструмент для организаторов кампаний. Если вы собираете письма для кампании, попросите у администратора ссылку-приглашение.
organisers-not-organiser-of = Вы не организатор кампании «{ $campaign }».
organisers-not-your-campaign = Это могут делать только организаторы кампании, к которой относится это письмо.
organisers-unknown-campaign = Кампании «{ $campaign }» нет. Идентификатор кампании выглядит так: crimean-political-prisoners.
organisers-unknown-prisoner = В справочнике нет никого по имени «{ $prisoner }». Напишите фамилию, как в карточке заключённого, в любом написании.
organisers-invite-choose = Для какой кампании новый организатор?
organisers-invite-created =
    Приглашение в кампанию «{ $campaign }»: сработает один раз и действует { $hours } ч.

    { $link }

    Отправьте его лично только тому, кто будет организатором. Кто откроет его первым, тот и станет организатором.
organisers-invite-unknown = Эта ссылка-приглашение недействительна. Проверьте, скопирована ли она целиком, или попросите новую.
organisers-invite-used = Этим приглашением уже воспользовались. Каждая ссылка срабатывает один раз: попросите у администратора новую.
organisers-invite-expired = Срок действия приглашения истёк. Попросите у администратора новое.
organisers-invite-welcome =
    Теперь вы организатор кампании «{ $campaign }» (идентификатор <code>{ $id }</code>). Спасибо!

    Что вы можете делать:
    • добавьте меня в свою группу и отправьте там /link { $id } или сделайте меня администратором вашего канала с правом публиковать и отправьте мне лично: /link { $id } @канал;
    • туда будут приходить письма с кнопками: принять, вернуть автору с причиной, напечатано, отправлено, пришёл ответ;
    • /news — сообщить тем, кто следит за делом, о ШИЗО, этапе, суде или освобождении;
    • /print — принятые письма одним PDF, сгруппированные по учреждениям;
    • /stats — сколько писем получил каждый заключённый за неделю и месяц и кто не получил ни одного;
    • /setstatus и /move — исправить статус или учреждение заключённого со ссылкой на источник; /review — разобрать, в чём публичные реестры не согласны;
    • /campaigns — ваши кампании и куда приходят их письма.
organisers-invite-redeemed-admin = { $user } воспользовался вашим приглашением и теперь организатор кампании «{ $campaign }».
organisers-invite-already = Вы уже организатор кампании «{ $campaign }» (идентификатор <code>{ $id }</code>): это приглашение ничего не изменило. /campaigns покажет ваши кампании, /help — ваши инструменты.
organisers-invite-unneeded-admin = { $user } открыл ваше приглашение в «{ $campaign }», но уже является её организатором: ничего не изменилось, а ссылка использована. Чтобы пригласить кого-то другого, создайте новую через /invite.
organisers-list-title = Организаторы по кампаниям:
organisers-list-empty = Организаторов пока нет. Создайте приглашение командой /invite.
organisers-list-entry = • { $user }, с { $since }
organisers-list-revoke = Отозвать { $user } · { $campaign }
organisers-revoked = Готово: роль отозвана.
organisers-revoke-nothing = Этот человек уже не организатор этой кампании.
organisers-revoked-notice = Вы больше не организатор кампании «{ $campaign }». Если это ошибка, обратитесь к администратору.

## Подключение чата

organisers-link-usage-group = Отправьте /link и идентификатор кампании, например: /link crimean-political-prisoners
organisers-link-usage-private = Чтобы подключить канал, добавьте меня туда администратором с правом публиковать, затем отправьте мне: /link идентификатор-кампании @канал (или числовой id канала). Чтобы подключить группу, отправьте /link идентификатор-кампании в самой группе.
organisers-link-from-private = Команды в канале не показывают, кто их отправил, поэтому проверить роль здесь я не могу. Отправьте мне лично: /link идентификатор-кампании @канал
organisers-link-chat-unreachable = Я не вижу этот чат. Сначала добавьте меня туда (в канал — администратором с правом публиковать) и попробуйте снова.
organisers-link-wrong-chat-type = Письма можно пересылать только в группу или канал.
organisers-link-not-chat-admin = Подключить чат может только его администратор: письма личные, поэтому решать должен тот, кто ведёт чат.
organisers-rights-not-member = Меня нет в «{ $chat }». Добавьте меня и отправьте /link ещё раз.
organisers-rights-not-admin = В канале «{ $chat }» я не администратор, поэтому не могу публиковать. Сделайте меня администратором с правом публиковать сообщения и отправьте /link ещё раз.
organisers-rights-no-post-right = В канале «{ $chat }» я администратор, но без права публиковать сообщения. Включите мне «Публикацию сообщений» и отправьте /link ещё раз.
organisers-rights-cannot-send = В «{ $chat }» мне запрещено отправлять сообщения. Снимите ограничение и отправьте /link ещё раз.
organisers-linked = Готово: письма для кампании «{ $campaign }» теперь будут приходить в «{ $chat }».
organisers-link-checked = «{ $chat }» уже получает письма для кампании «{ $campaign }». Только что проверено ещё раз: вы управляете этим чатом, и бот может в нём писать.
organisers-linked-released = { $count ->
    [one] Сейчас публикую { $count } ожидавшее сообщение.
    [few] Сейчас публикую { $count } ожидавших сообщения.
   *[other] Сейчас публикую { $count } ожидавших сообщений.
}
organisers-unlink-usage = Отправьте /unlink и идентификатор кампании, например: /unlink crimean-political-prisoners
organisers-unlink-nothing = У кампании «{ $campaign }» здесь нет подключённого чата.
organisers-unlinked = Готово: кампания «{ $campaign }» больше не пересылает письма в этот чат. Уже ожидающие письма остаются в очереди, пока вы снова не подключите чат; до тех пор авторам не предлагают этот путь.
organisers-chat-broken = ⚠️ Я больше не могу публиковать в «{ $chat }», куда приходят письма кампаний: { $campaigns }.
organisers-chat-problem-removed = Меня удалили из чата, или чата больше нет.
organisers-chat-problem-rights = Мне не хватает права публиковать там.
organisers-chat-problem-other = Telegram ответил: { $error }
organisers-chat-broken-held = Ни одно письмо не потеряется: они сохранены и появятся там, как только я снова смогу публиковать. Верните меня (в канал — администратором с правом публиковать) или подключите другой чат командой /link.
organisers-chat-restored = ✅ Я снова могу публиковать в «{ $chat }» ({ $campaigns }). { $released ->
    [0] Ничего не ожидало.
    [one] Сейчас публикую { $released } ожидавшее сообщение.
    [few] Сейчас публикую { $released } ожидавших сообщения.
   *[other] Сейчас публикую { $released } ожидавших сообщений.
}
organisers-relay-failed = ⚠️ Telegram окончательно отклонил пересланное письмо { $reference } ({ $error }). Письмо сохранено в базе; пожалуйста, разберитесь.

## Карточка под каждым пересланным письмом

organisers-card-title = ✉️ <b>Письмо { $reference }</b>
organisers-card-campaign = Кампания: { $campaign }
organisers-card-to = Кому: { $recipient }
organisers-card-institution = Учреждение: { $institution }
organisers-card-institution-unknown = Учреждение: неизвестно — проверьте перед отправкой.
organisers-card-institution-stale = ⚠️ Место содержания по состоянию на { $asOf } могло измениться — проверьте перед отправкой.
organisers-card-address = Адрес: { $address }
organisers-card-route = Рекомендуемый путь: { $route }
organisers-route-fsin-pismo = «ФСИН-письмо»
organisers-route-post = почта
organisers-route-unknown = неизвестен (нет подтверждённого актуального адреса)
organisers-card-check = Проверка: { $findings }
organisers-card-check-clean = Проверка: ничего не найдено.
organisers-card-signature = Подпись: { $signature }
organisers-card-writer = Автор в Telegram: { $writer }
organisers-card-writer-hidden = Автор в Telegram: скрыт (автор решил остаться анонимным).
organisers-card-text-below = { $parts ->
    [one] Текст письма — в следующем сообщении.
   *[other] Текст письма — в следующих { $parts } сообщениях.
}
organisers-card-text-file = Письмо длинное: текст придёт файлом .txt.
organisers-card-status = Статус: <b>{ $status }</b> · { $at } UTC
organisers-finding-war = война и армия
organisers-finding-ukraine-symbols = украинская символика и лозунги
organisers-finding-banned-org = запрещённые организации
organisers-finding-politics = политика
organisers-finding-case = уголовное дело
organisers-finding-code = шифры и сокращения
organisers-finding-profanity = брань
organisers-finding-language = язык
organisers-finding-lgbt = ЛГБТК+
organisers-finding-prison = условия содержания
organisers-finding-contraband = деньги и запрещённые предметы
organisers-finding-contacts = контакты
organisers-finding-tone = тон
organisers-button-accept = ✅ Принять
organisers-button-return = ↩️ Вернуть
organisers-button-printed = 🖨 Напечатано
organisers-button-sent = 📮 Отправлено
organisers-button-reply = 💌 Пришёл ответ
organisers-button-back = ← Назад
organisers-return-reason-language = Не на русском
organisers-return-reason-wording = Рискованные формулировки
organisers-return-reason-address = Сейчас нет надёжного адреса
organisers-return-choose = Почему письмо возвращается? Автор увидит причину.
organisers-status-returned = Возвращено автору письма
organisers-status-done = Готово: { $status }.
organisers-status-conflict = Не изменено: у письма уже статус «{ $status }».

## Уведомления авторам

organisers-writer-accepted = ✅ Организаторы приняли ваше письмо { $reference } (кому: { $prisoner }). Они напечатают его и передадут дальше.
organisers-writer-returned = ↩️ Организаторы вернули ваше письмо { $reference } (кому: { $prisoner }).
organisers-writer-returned-reason = Причина: { $reason }. Вы можете исправить письмо и отправить его снова.
organisers-writer-edit-button = ✏️ Исправить и отправить снова
organisers-writer-printed = 🖨 Ваше письмо { $reference } (кому: { $prisoner }) напечатано, скоро его отправят.
organisers-writer-sent = 📮 Ваше письмо { $reference } (кому: { $prisoner }) отправлено. Через тюремную цензуру оно идёт не сразу.
organisers-writer-reply-received = 💌 На ваше письмо { $reference } (кому: { $prisoner }) пришёл ответ! Организаторы подскажут, как его получить.
organisers-reopened = Ваше письмо снова стало черновиком: исправьте его здесь, а затем нажмите «Готово», чтобы проверить и отправить ещё раз.
organisers-reopen-draft-exists = У вас уже есть черновик этому человеку. Сначала завершите или удалите его.
organisers-reopen-not-returned = Это письмо уже не ждёт исправления.
organisers-reopen-not-writable = Это возвращённое письмо сейчас нельзя отправить снова, поэтому оно остаётся как есть (кому: { $name }). Почему — и что можно сделать вместо этого:

## Печать

organisers-print-nothing = Нет принятых писем, ожидающих печати.
organisers-print-caption = Писем: { $letters }, учреждений: { $institutions }; каждое письмо на отдельной странице. Отметьте их напечатанными, как только они будут на бумаге.
organisers-print-mark = 🖨 Отметить напечатанными ({ $letters })
organisers-print-already = Эта партия уже отмечена напечатанной.
organisers-print-marked = Готово: напечатанными отмечено { $printed }; авторы уведомлены.
organisers-print-marked-skipped = Напечатанными отмечено { $printed }; пропущено { $skipped }, потому что их статус тем временем изменился (возвращены или обработаны кем-то другим).

## Статистика

organisers-stats-title = 📊 Написанные письма (любым путём): за 7 дней / за 30 дней.
organisers-stats-totals = Всего: { $week } / { $month } · подписчиков кампании: { $followers }
organisers-stats-prisoner = • { $prisoner }: { $week } / { $month } · подписчиков: { $followers }
organisers-stats-no-letters = Без писем за 30 дней: { $prisoners }
organisers-stats-no-letters-none = Каждый, кто может получать письма, получил за 30 дней хотя бы одно.
organisers-stats-no-campaigns = В справочнике пока нет кампаний.

## Исправления справочника

organisers-setstatus-usage = Отправьте /setstatus и имя заключённого в любом написании, например: /setstatus Кагарлицкий
organisers-move-usage = Отправьте /move и имя заключённого в любом написании, например: /move Кагарлицкий
organisers-correction-not-allowed = Исправлять запись могут только организаторы кампаний, к которым относится этот заключённый.
organisers-correction-pick = Чью запись вы исправляете?
organisers-correction-pick-page = Чью запись вы исправляете? Страница { $page } из { $pages }.
organisers-correction-pick-refine = Чью запись вы исправляете? Совпадений больше, чем здесь помещается: отправьте команду ещё раз с более полным именем.
organisers-correction-previous = ◀️ Назад
organisers-correction-next = Далее ▶️
organisers-prisoner-status-pretrial = под стражей до приговора
organisers-prisoner-status-sentenced = отбывает наказание
organisers-prisoner-status-released = на свободе
organisers-prisoner-status-exchanged = освобождён при обмене
organisers-prisoner-status-deceased = умер
organisers-prisoner-status-unknown = неизвестно
organisers-setstatus-current = <b>{ $prisoner }</b>: сейчас «{ $status }» (по состоянию на { $asOf }). Выберите новый статус:
organisers-setstatus-confirm =
    Сохранить?
    <b>{ $prisoner }</b>: «{ $status }» по состоянию на { $asOf }
    Источник: { $source }
organisers-move-current = <b>{ $prisoner }</b>: сейчас { $institution }. Где человек содержится теперь? Выберите ниже или пришлите номер и город учреждения для поиска (например, «ИК-1 Ярославль»).
organisers-move-none = неизвестно / не содержится
organisers-move-confirm =
    Сохранить?
    <b>{ $prisoner }</b>: { $institution } по состоянию на { $asOf }
    Источник: { $source }
organisers-correction-ask-source = Отправьте ссылку на источник, где это сказано (новость, судебный документ, пост адвоката). Она сохранится вместе с изменением.
organisers-correction-bad-source = Это не ссылка. Отправьте адрес, начинающийся с https://
organisers-correction-ask-date = С какого времени это так? Нажмите кнопку «сегодня» или отправьте дату в виде 2026, 2026-02 или 2026-02-16.
organisers-correction-today = Сегодня, { $date }
organisers-correction-bad-date = Отправьте дату в виде 2026, 2026-02 или 2026-02-16, не из будущего.
organisers-correction-gave-up = Давайте начнём позже сначала: отправьте команду ещё раз, когда будете готовы.
organisers-correction-save = 💾 Сохранить
organisers-correction-cancel = Отмена
organisers-correction-cancelled = Отменено: ничего не изменено.
organisers-setstatus-press = Выберите новый статус кнопкой выше (набранный текст здесь не читается) или отправьте /cancel, чтобы остановиться.
organisers-move-press = Выберите учреждение кнопкой выше, или пришлите его номер и город для поиска (например, «ИК-1 Ярославль»), или отправьте /cancel, чтобы остановиться.
organisers-correction-press-save = Нажмите «Сохранить» или «Отмена» выше (набранный текст здесь не читается) либо отправьте /cancel, чтобы остановиться.
organisers-correction-changed = Сохранено. Изменение есть в истории заключённого вместе с вашим источником.
organisers-correction-confirmed = Сохранено: значение и так было таким же, обновлены дата и источник.
organisers-correction-kept = Не изменено: в справочнике более новые сведения, чем на эту дату.
organisers-correction-refused = Не сохранено: вы больше не организатор кампаний этого заключённого.
organisers-correction-stale-button = Эта кнопка из исправления, которое уже завершилось: ничего не изменено. Отправьте /setstatus или /move ещё раз.
organisers-move-search-none = Ни одно учреждение не подходит под запрос «{ $query }». Попробуйте только номер и город или регион.
organisers-move-search-pick = Выберите учреждение или пришлите другой запрос:
