review-only-organisers = Проверять справочник могут только организаторы и администраторы.
review-none = Проверять нечего: источники не расходятся.
review-waiting = Ждут проверки: { $count }.
review-status-title = <b>Источники по-разному описывают положение: { $name }</b>
review-institution-title = <b>Источники называют разные места заключения: { $name }</b>
review-side = • { $organisation }: { $value }, на { $asOf } — { $url }
review-identity-title = <b>Это кто-то, кто уже есть в справочнике?</b>
    { $organisation } называет { $name } (год рождения: { $born }): { $url }
review-identity-candidate = { $number }. { $name } (год рождения: { $born })
review-accept = Принять: { $organisation }
review-same-as = Тот же человек, что № { $number }
review-different = Другой человек
review-dismiss = Отклонить
review-accepted = ✅ Принято: { $organisation } — { $value }, на { $asOf }. Карточка ссылается на этот источник.
review-merged = ✅ Связано с карточкой: { $name }. При следующей синхронизации карточка получит данные этого источника.
review-kept-apart = ✅ Оставлено отдельно. Если источник признаёт этого человека, следующая синхронизация создаст отдельную карточку.
review-dismissed = Отклонено. Карточка остаётся без изменений.
review-already = Этим уже кто-то занялся, или этой записи больше нет.
review-value-not-in-custody = не под стражей
review-card-disagreement = ⚠️ Источники расходятся: { $sides }. Организаторы проверяют.
review-card-side = { $organisation }: { $value }, на { $asOf }
review-sync-summary = <b>Синхронизация справочника</b>
review-sync-source = { $source }: добавлено { $added }, обновлено { $updated }, без изменений { $unchanged }, расхождений { $conflicts }, на проверку { $review }, пропущено { $skipped }, ошибок источника { $errors }
review-sync-failed = { $source }: не удалось — { $reason }
review-sync-open = Откройте /review, чтобы разобрать открытые вопросы: { $count }.
review-suggestion-title = <b>Пользователь просит добавить человека, которого нет в списке</b> (данные, которые он указал, не проверены; отправлено { $date })
    { $name }, год рождения: { $born }
    { $place }
    Прежде чем добавить, проверьте источник. На карточке источником будет указано «сообщил пользователь, подтвердил организатор» (или администратор).
review-suggestion-add = Добавить в справочник
review-suggestion-added = ✅ Добавлено в справочник; на карточке указан источник: сообщил пользователь, подтвердил { $role }. Пользователю сообщено.
review-suggestion-dismissed = Отклонено. Ничего не добавлено; пользователю сообщено, что данные не удалось подтвердить.
command-review = Расхождения реестров и люди, которых просят добавить
review-suggestion-facility-unknown-ru = Учреждение: неизвестно (автор его не знает; по его словам, человека удерживает Россия). Найдите его, прежде чем добавить, или добавьте человека без учреждения.
review-suggestion-facility-unknown-by = Учреждение: неизвестно (автор его не знает; по его словам, человека удерживают в Беларуси). Найдите его, прежде чем добавить, или добавьте человека без учреждения.
