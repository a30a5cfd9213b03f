# Новини справ: стеження, підписки, нагадування, публікація (організатори), повідомлення з новинами. Дати приходять уже відформатовані.

## Команди та головне меню (список команд бере ключі `command-<name>`).
command-subscriptions = Новини справ, за якими я стежу
command-reminders = Нагадування написати
news-menu-subscriptions = 📰 Новини справ

## Кнопки.
news-button-follow = 🔔 Стежити за справою
news-button-unfollow = 🔕 Не стежити
news-button-unfollow-named = 🔕 Не стежити: { $name }
news-button-remind = ⏰ Нагадати написати
news-button-write = ✍️ Написати листа підтримки
news-button-write-to = ✍️ Написати: { $name }
news-button-continue-letter = ✍️ Продовжити листа
news-button-follow-campaign = ➕ Стежити за всією кампанією
news-button-campaign-follow = ➕ Стежити за кампанією «{ $name }»
news-button-campaign-following = ✓ Ви стежите за кампанією «{ $name }»
news-button-reminders = ⏰ Нагадування
news-button-back = ◀️ Назад
news-button-add-reminder = ➕ Додати нагадування
news-button-stop-reminder = ✖️ Вимкнути: { $name }
news-button-birthdays-on = 🎂 Увімкнути нагадування про дні народження
news-button-birthdays-off = 🎂 Вимкнути нагадування про дні народження
news-stale-button = Ця кнопка застаріла. Відкрийте /subscriptions або знайдіть в'язня ще раз.

## Стеження.
news-followed = Тепер ви стежите за справою: { $name }. Новини приходитимуть сюди.
news-unfollowed = Ви більше не отримуєте новин про: { $name }.
news-unfollowed-in-campaign = Ви більше не отримуєте новин про: { $name }. Новини про інших в'язнів кампанії «{ $campaigns }» і далі надходитимуть.
news-unfollowed-short = Стеження вимкнено.
news-campaign-followed = Ви стежите за кампанією «{ $name }»: новини про всіх її в'язнів, зокрема тих, кого додадуть пізніше.
news-campaign-unfollowed = Ви більше не стежите за кампанією «{ $name }».
news-campaigns-title = Кампанії. Стежачи за кампанією, ви отримуєте новини про всіх її в'язнів, зокрема тих, кого додадуть пізніше:

## /subscriptions.
news-subscriptions-title = 📰 Новини справ, за якими ви стежите
news-subscriptions-empty = Ви ще ні за ким не стежите. Відкрийте картку в'язня (/find) і натисніть «Стежити за справою» — або стежте за цілою кампанією (кнопка нижче).
news-subscriptions-campaigns = Кампанії:
news-subscriptions-prisoners = В'язні:
news-subscriptions-muted = Не надсилаються з цих кампаній (ви натиснули «Не стежити» під їхньою новиною):
news-button-resume-named = 🔔 Знову стежити: { $name }
news-resumed-short = Їхні новини знову надходитимуть.
news-delivery-immediate = Одразу
news-delivery-digest = Щоденний дайджест
news-delivery-immediate-chosen = Доставка: кожна новина одразу, щойно організатори її опублікують.
news-delivery-digest-chosen = Доставка: один дайджест на день, о { $hour }:00 за вашим часом ({ $zone }).
news-delivery-immediate-set = Новини приходитимуть одразу після публікації.
news-delivery-digest-set = Новини надходитимуть раз на день, о { $hour }:00 ({ $zone }).

## Нагадування.
news-reminders-title = ⏰ Нагадування написати
news-reminders-empty = Нагадувань поки немає. Нагадування раз на кілька тижнів допомагає: регулярні листи важать більше, ніж один довгий.
news-reminders-item = { $name }: { $weeks ->
        [1] щотижня
        [2] раз на два тижні
        [3] раз на три тижні
        [4] раз на чотири тижні
        [few] раз на { $weeks } тижні
       *[other] раз на { $weeks } тижнів
    }, наступне — { $next }
news-birthdays-on = Нагадування про дні народження: увімкнено. За { $days } { $days ->
        [one] день
        [few] дні
       *[other] днів
    } до дня народження в'язня, за яким ви стежите (якщо джерело називає дату), я нагадаю вам.
news-birthdays-off = Нагадування про дні народження: вимкнено.
news-birthdays-turned-on = Нагадування про дні народження увімкнено.
news-birthdays-turned-off = Нагадування про дні народження вимкнено.
news-reminder-pick-prisoner = Кому нагадувати написати?
news-reminder-pick-nobody = Ви не стежите ні за ким, хто зараз може отримувати листи. Спершу почніть стежити за в'язнем (/find).
news-reminder-ask-weeks = Як часто нагадувати написати: { $name }?
news-reminder-every = { $weeks ->
        [1] щотижня
        [2] раз на два тижні
        [3] раз на три тижні
        [4] раз на чотири тижні
        [few] раз на { $weeks } тижні
       *[other] раз на { $weeks } тижнів
    }
news-reminder-set = Готово: я нагадуватиму написати ({ $name }) { $weeks ->
        [1] щотижня
        [2] раз на два тижні
        [3] раз на три тижні
        [4] раз на чотири тижні
        [few] раз на { $weeks } тижні
       *[other] раз на { $weeks } тижнів
    }. Перше нагадування: { $first }.
news-reminder-cannot-write = Листи зараз не можуть дійти до: { $name }. Тож нагадувати нема про що.
news-reminder-stopped = Нагадування вимкнено.
news-reminder-already-stopped = Це нагадування вже вимкнене.
news-reminder-text = ⏰ Час написати: { $name }. Ви просили нагадувати { $weeks ->
        [1] щотижня
        [2] раз на два тижні
        [3] раз на три тижні
        [4] раз на чотири тижні
        [few] раз на { $weeks } тижні
       *[other] раз на { $weeks } тижнів
    } — навіть кілька рядків кажуть людині, що про неї не забули.
news-reminder-stop = ✖️ Вимкнути це нагадування
news-reminder-ended = { $name } більше не може отримувати листи у в'язниці, тому ваше нагадування написати вимкнено.
news-birthday-text = 🎂 { $name }: { $date } — день народження, { $age } { $age ->
        [one] рік
        [few] роки
       *[other] років
    }. Лист на день народження у в'язниці важить дуже багато — напишіть зараз, щоб він устиг дійти.
news-birthday-turn-off = Вимкнути нагадування про дні народження

## Повідомлення з новинами.
news-event-punishment-cell = 🔴 ШІЗО на { $days } { $days ->
        [one] добу
        [few] доби
       *[other] діб
    }
news-event-punishment-cell-no-days = 🔴 ШІЗО (штрафний ізолятор)
news-event-transfer = 🚚 Переведено до: { $institution }, { $region }
news-event-transfer-unknown = 🚚 Переведено до іншого місця; куди саме — поки невідомо
news-event-hunger-strike = ⚠️ Голодування
news-event-health = 🩺 Здоров'я
news-event-court = ⚖️ Суд: засідання, вирок або покарання
news-event-release = 🕊 На волі
news-event-exchange = 🕊 Звільнено під час обміну
news-event-other = 📰 Новини справи
news-source = Джерело:
news-consequence-support = Лист зараз скаже людині, що вона не сама.
news-consequence-transfer = Адресу в картці в'язня оновлено. Листи на старе місце можуть не дійти.
news-consequence-free = Листи до в'язниці більше не потрібні. Дякуємо всім, хто писав.
news-digest-title = 📰 Новини справ, { $date }: { $count } { $count ->
        [one] новина
        [few] новини
       *[other] новин
    }
news-note-draft-transfer = { $name }: людину перевели до іншого місця ув'язнення. Ваш незавершений лист збережено; коли ви його завершите, інструкції з надсилання будуть уже з новою адресою.
news-note-draft-closed = Добра новина: { $name } на волі. Ваш незавершений лист закрито — його більше не треба надсилати до в'язниці. Дякуємо, що хотіли підтримати.
news-write-not-possible = { $name } більше не може отримувати листи у в'язниці.

## Дописи в каналах, запропоновані як новини.
news-offer-text = Допис у «{ $channel }» згадує: { $name } ({ $hashtag }). Опублікувати його як новину справи для тих, хто стежить?
news-offer-button = 📣 Опублікувати як новину
news-offer-ask-language = Якою мовою написано допис у каналі? Підписники, які читають цією мовою, отримають його як є; інші мови можна додати далі.
news-offer-language-press = Оберіть мову допису кнопкою вище або надішліть /cancel, щоб зупинитися.
news-offer-already-published = Цей допис уже опубліковано як новину.

## Публікація (/news).
news-publish-not-allowed = Публікувати новини справ можуть лише організатори кампанії в'язня (та адміністратори).
news-publish-no-longer-allowed = Ви більше не можете публікувати новини про цього в'язня: ваша роль організатора в його кампанії завершилась. Нічого не надіслано.
news-publish-ask-prisoner = Про чию справу новина? Напишіть ім'я в будь-якому написанні.
news-publish-prisoner-none = За запитом «{ $query }» нікого не знайдено. Спробуйте лише прізвище або інше написання.
news-publish-prisoner-not-yours = Знайдено, але не в кампанії, яку ви організовуєте. Публікувати можна лише новини про в'язнів ваших кампаній.
news-publish-prisoner-not-yours-pick = Ви не можете публікувати новини про цього в'язня. Напишіть інше ім'я.
news-publish-prisoner-pick = Оберіть в'язня:
news-publish-prisoner-pick-page = Оберіть в'язня. Сторінка { $page } з { $pages }.
news-publish-prisoner-previous = ◀️ Назад
news-publish-prisoner-next = Далі ▶️
news-publish-prisoner-page-stale = Ця кнопка сторінки застаріла. Напишіть ім'я ще раз.
news-publish-ask-event = Що сталося? ({ $name })
news-event-choice-punishment-cell = 🔴 ШІЗО / ПКТ
news-event-choice-transfer = 🚚 Переведення
news-event-choice-hunger-strike = ⚠️ Голодування
news-event-choice-health = 🩺 Здоров'я
news-event-choice-court = ⚖️ Суд
news-event-choice-release = 🕊 Звільнення
news-event-choice-exchange = 🕊 Обмін
news-event-choice-other = 📰 Інше
news-publish-use-buttons = Будь ласка, оберіть кнопкою вище.
news-publish-ask-days = На скільки діб? Надішліть число або натисніть кнопку, якщо джерело цього не називає.
news-publish-days-unknown = Невідомо
news-publish-days-invalid = Надішліть кількість діб — число від 1 до 365.
news-publish-ask-institution = Куди перевели? Напишіть назву або місто місця ув'язнення (наприклад, «Торжок» або «ИК-4»).
news-publish-institution-unknown = Поки невідомо
news-publish-institution-none = У довіднику немає місця ув'язнення, що відповідає «{ $query }». Спробуйте інше слово; якщо його бракує, попросіть адміністратора додати — або натисніть «Поки невідомо».
news-publish-institution-pick = Оберіть місце ув'язнення:
news-publish-ask-text = Надішліть текст новини { $language } — так, як його мають прочитати підписники.
news-publish-text-empty = Текст порожній. Надішліть текст новини.
news-publish-text-too-long = Задовгий текст: щонайбільше { $max } символів, щоб новина вмістилася в одне повідомлення.
news-publish-ask-translations = Підписники читають новини мовою свого інтерфейсу. Додати текст іншою мовою? Хто не має перекладу, отримає ваш текст як є.
news-publish-add-translation = Додати { $language }
news-publish-continue = Далі ▶️
news-publish-ask-source = Надішліть посилання на джерело (https://…) або пропустіть.
news-publish-ask-source-required = Надішліть посилання на джерело (https://…). Воно обов'язкове: ця новина змінює картку в'язня, а кожен факт у ній показує джерело.
news-publish-skip = Пропустити
news-publish-source-invalid = Це не схоже на вебпосилання. Надішліть посилання, що починається з https://
news-publish-source-required-ended = Публікацію зупинено: цій новині потрібне посилання на джерело.
news-publish-preview-intro = Попередній перегляд: саме це отримають підписники, які читають { $language }. Інші отримають те саме своєю мовою — з вашим текстом, якщо перекладу немає.
news-publish-preview-translation = А так її отримають ті, хто читає { $language }:
news-publish-preview-buttons = Кнопки під повідомленням: { $buttons }.
news-publish-audience = Зараз новину отримають { $immediate } { $immediate ->
        [one] підписник
        [few] підписники
       *[other] підписників
    }.
news-publish-audience-digest = Ще { $digest } отримають її в щоденному дайджесті.
news-publish-question = Опублікувати?
news-publish-effect-transfer = Публікація також оновить картку в'язня (нове місце) і повідомить тих, хто має незавершений лист, що адреса змінилася.
news-publish-effect-free = Публікація також позначить в'язня в картці як вільного, прибере кнопки листів і закриє незавершені листи до нього з теплою приміткою.
news-publish-button-publish = 📣 Опублікувати
news-publish-button-edit = ✏️ Змінити текст
news-publish-button-cancel = ✖️ Скасувати
news-publish-cancelled = Скасовано: нічого не опубліковано.
news-publish-gave-up = Зупинімося тут. Почніть знову з /news, коли будете готові.
news-publish-failed-prisoner-missing = Не опубліковано: цього в'язня більше немає в довіднику.
news-publish-failed-institution-missing = Не опубліковано: цього місця ув'язнення більше немає в довіднику.
news-publish-failed-needs-source = Не опубліковано: цій новині потрібне посилання на джерело.
news-publish-failed-offer-used = Не опубліковано: інший організатор уже опублікував цей допис.
news-publish-failed-already-published = Повторно не опубліковано: ця новина пішла, коли ви вперше натиснули «Опублікувати»; як іде розсилка, видно в повідомленні вище.
news-language-uk = українською
news-language-en = англійською
news-language-ru = російською

## Повідомлення організатора про хід розсилки і звіт.
news-progress-preparing = 📣 Готуємо розсилку…
news-progress-sending = 📣 Розсилаємо новину ({ $name }): доставлено { $sent } з { $total }, не вдалося — { $failed }.
news-progress-eta-seconds = Лишилося близько { $value } с.
news-progress-eta-minutes = Лишилося близько { $value } хв.
news-progress-digest = Ще { $count } отримають її в щоденному дайджесті о { $hour }:00 за своїм часом.
news-report = ✅ Готово: новина ({ $name }) дійшла до { $sent } з { $total } { $total ->
        [one] підписника
       *[other] підписників
    }.
news-report-failed-hint = Не доставлено: { $failed }. Це люди, які заблокували бота (вони більше не вважаються підписниками), або чати, які Telegram відхиляв після кількох спроб.
news-report-digest-only = Опубліковано. Ті, хто стежить за справою ({ $name }), обрали щоденний дайджест: { $count } отримають новину о { $hour }:00 за своїм часом.
news-report-nobody = Опубліковано. За справою ({ $name }) поки ніхто не стежить, тож повідомлень не надсилали.
command-news = Опублікувати новину справи
news-button-timezone = 🕰 Часовий пояс: { $zone }
news-timezone-title = 🕰 Ваш часовий пояс: { $zone }. Дайджест надходить о { $digest }:00, нагадування написати — о { $reminder }:00 за цим часом. Оберіть інший пояс кнопкою або надішліть його назву, наприклад: /timezone Europe/Prague
news-timezone-set = Часовий пояс: { $zone }. Дайджест — о { $digest }:00, нагадування — о { $reminder }:00 за цим часом.
news-timezone-unknown = Не знаю часового поясу «{ $name }». Надішліть назву на зразок Europe/Prague чи America/Chicago, або місто латиницею чи кирилицею (/timezone Prague, /timezone Прага), або оберіть пояс нижче.
command-timezone = Часовий пояс дайджесту й нагадувань
