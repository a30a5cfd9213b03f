review-only-organisers = Перевіряти довідник можуть лише організатори й адміністратори.
review-none = Перевіряти нічого: джерела не суперечать одне одному.
review-waiting = Чекають на перевірку: { $count }.
review-status-title = <b>Джерела по-різному описують становище: { $name }</b>
review-institution-title = <b>Джерела називають різні місця ув’язнення: { $name }</b>
review-side = • { $organisation }: { $value }, станом на { $asOf } — { $url }
review-identity-title = <b>Це хтось, хто вже є в довіднику?</b>
    { $organisation } згадує { $name } (рік народження: { $born }): { $url }
review-identity-candidate = { $number }. { $name } (рік народження: { $born })
review-accept = Прийняти: { $organisation }
review-same-as = Та сама людина, що № { $number }
review-different = Інша людина
review-dismiss = Відхилити
review-accepted = ✅ Прийнято: { $organisation } — { $value }, станом на { $asOf }. Картка посилається на це джерело.
review-merged = ✅ Пов’язано з карткою: { $name }. Під час наступної синхронізації картка отримає дані цього джерела.
review-kept-apart = ✅ Залишено окремо. Якщо джерело визнає цю людину, наступна синхронізація створить окрему картку.
review-dismissed = Відхилено. Картка лишається без змін.
review-already = Цим уже хтось займався, або цього запису більше немає.
review-value-not-in-custody = не під вартою
review-card-disagreement = ⚠️ Джерела розходяться: { $sides }. Організатори перевіряють.
review-card-side = { $organisation }: { $value }, станом на { $asOf }
review-sync-summary = <b>Синхронізація довідника</b>
review-sync-source = { $source }: додано { $added }, оновлено { $updated }, без змін { $unchanged }, суперечностей { $conflicts }, на перевірку { $review }, пропущено { $skipped }, помилок джерела { $errors }
review-sync-failed = { $source }: не вдалося — { $reason }
review-sync-open = Відкрийте /review, щоб розглянути відкриті питання: { $count }.
review-suggestion-title = <b>Користувач просить додати людину, якої немає в списку</b> (дані, які він надав, не перевірені; надіслано { $date })
    { $name }, рік народження: { $born }
    { $place }
    Перш ніж додати, перевірте джерело. На картці джерелом буде вказано «надав користувач, підтвердив організатор» (або адміністратор).
review-suggestion-add = Додати до довідника
review-suggestion-added = ✅ Додано до довідника; на картці вказано джерело: надав користувач, підтвердив { $role }. Користувачу повідомлено.
review-suggestion-dismissed = Відхилено. Нічого не додано; користувачу повідомлено, що дані не вдалося підтвердити.
command-review = Розбіжності реєстрів і люди, яких просять додати
review-suggestion-facility-unknown-ru = Установа: невідома (автор її не знає; за його словами, людину утримує Росія). Знайдіть її, перш ніж додати, або додайте людину без установи.
review-suggestion-facility-unknown-by = Установа: невідома (автор її не знає; за його словами, людину утримують у Білорусі). Знайдіть її, перш ніж додати, або додайте людину без установи.
