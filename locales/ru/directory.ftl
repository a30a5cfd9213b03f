# Справочник политзаключённых: карточки, статусы, причины, поиск. Годы и даты передаются готовыми строками.

## Статусы. $gender — male или female.
directory-status-pretrial = { $gender ->
    [female] в СИЗО, под следствием или судом
   *[male] в СИЗО, под следствием или судом
}
directory-status-sentenced = { $gender ->
    [female] осуждена, отбывает срок
   *[male] осуждён, отбывает срок
}
directory-status-released = { $gender ->
    [female] на свободе
   *[male] на свободе
}
directory-status-exchanged = { $gender ->
    [female] освобождена при обмене
   *[male] освобождён при обмене
}
directory-status-deceased = { $gender ->
    [female] умерла
   *[male] умер
}
directory-status-unknown = статус неизвестен

## Почему нет кнопки «Написать письмо».
directory-reason-released = 🕊 Хорошая новость: человек на свободе. Письма в тюрьму больше не нужны — спасибо всем, кто писал.
directory-reason-exchanged = 🕊 Хорошая новость: человека освободили при обмене. Письма в тюрьму больше не нужны — спасибо всем, кто писал.
directory-reason-deceased = Человек умер. Мы сохраняем запись, чтобы о нём помнили.
directory-reason-relatives-only = Сейчас человеку передают письма только от близких родственников.
directory-reason-location-unknown = Неизвестно, где человек содержится, поэтому безопасного адреса нет.
directory-reason-prisoner-request = Человек попросил пока не писать ему незнакомым людям.
directory-reason-organiser-hold = Организаторы временно приостановили письма; загляните позже.
directory-reason-no-known-route = Безопасный адрес пока неизвестен. Подпишитесь на новости дела, чтобы узнать, когда он появится.

## Способы доставки.
directory-route-fsin-pismo = электронное письмо через ФСИН-письмо
directory-route-post = почта
directory-route-organiser-relay = через организаторов

## Предупреждения рядом с кнопкой.
directory-warning-status-not-recent = Этот статус последний раз подтверждался больше полугода назад.
directory-warning-location-not-recent = Место содержания подтверждалось больше трёх месяцев назад: людей этапируют, и письма теряются. Проверьте его перед отправкой.
directory-warning-status-inferred = Этот статус выведен из источников, а не подтверждён ими.
directory-warning-status-unknown = Нынешний статус неизвестен.
directory-warning-pretrial = В СИЗО письма может читать и следователь: ничего не пишите о деле.
directory-warning-belarus-relatives = В Беларуси письма не от родственников часто не передают.

## Типы учреждений.
directory-institution-type-sizo = следственный изолятор (СИЗО)
directory-institution-type-colony = исправительная колония
directory-institution-type-prison = тюрьма
directory-institution-type-hospital = тюремная больница
directory-institution-type-settlement = колония-поселение
directory-institution-type-other = место заключения

## Интересы — только если их называет источник.
directory-interest-mathematics = математика
directory-interest-reading = чтение
directory-interest-poetry = поэзия
directory-interest-writing = пишет тексты
directory-interest-ecology = экология

directory-system-ru = Россия (включая оккупированный Крым)
directory-system-by = Беларусь

## Карточка.
directory-card-age-exact = Возраст: { $years }
directory-card-age-range = Возраст: { $min }–{ $max } (известен только год рождения)
directory-card-age-unknown = Возраст неизвестен
directory-card-born = Дата рождения: { $date }
directory-card-born-year = Год рождения: { $year }
directory-card-status = Статус: { $status }, по данным на { $asOf }
directory-card-status-inferred = (выведено из источников, не подтверждено)
directory-card-source = Источник: { $url }
directory-card-location-current = Где содержится: { $institution }, { $region } (по данным на { $asOf })
directory-card-location-last-known = Последнее известное место: { $institution }, { $region } (по данным на { $asOf }). Скорее всего, с тех пор человека перевели.
directory-card-location-unknown = Где человек содержится, неизвестно.
directory-card-interests = Интересы
directory-card-campaigns = Кампании
directory-card-news = Новости дела: { $hashtag }
directory-card-write = ✍️ Написать письмо
directory-card-routes = Как отправить: { $routes }
directory-card-relay-only = Безопасный адрес неизвестен, но организаторы могут передать ваше письмо.

## Поиск.
directory-search-prompt = Напишите имя в любом написании, кириллицей или латиницей, можно с годом рождения: «Зейтуллаев 1984».
directory-search-nobody = По запросу «{ $query }» никого не нашлось.
directory-search-hint-spelling = Попробуйте только фамилию или другое написание: в статьях имена пишут по-разному.
directory-search-hint-year = Если вы указали год рождения, попробуйте без него: источники иногда расходятся на год.
directory-search-hint-short = Напишите хотя бы две буквы имени.
directory-search-hint-not-listed = В справочнике только люди, чей статус мы проверили по источнику. Если кого-то нет, его могут добавить организаторы.
directory-search-results = Найдено: { $total }. Страница { $page } из { $pages }.
directory-search-previous = ◀️ Назад
directory-search-next = Дальше ▶️
directory-search-year-differs = другой год рождения

## Дни рождения и «мало писем».
directory-birthdays-title = Ближайшие дни рождения
directory-birthdays-none = В ближайшие 30 дней известных дней рождения нет.
directory-birthday-line = { $name }: { $date } исполнится { $age }
directory-few-letters-title = Им в последнее время мало пишут
directory-few-letters-count = { $count ->
    [0] за 30 дней через «Листы» писем не было
    [one] за 30 дней через «Листы» { $count } письмо
    [few] за 30 дней через «Листы» { $count } письма
   *[many] за 30 дней через «Листы» { $count } писем
}
