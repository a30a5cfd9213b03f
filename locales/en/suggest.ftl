suggest-button = ✍️ Write to someone not in the list
suggest-intro = Tell us about the person, and organisers will check and add them. Until an organiser has checked, nobody else sees what you send: it goes only to Lysty's organisers and admins, with your Telegram account so that they can let you know.

    First: the person's full name as it would go on an envelope, surname first (for example: Ivanov Ivan Ivanovich). The patronymic is optional.
suggest-text-only = Please send it as a text message.
suggest-name-too-long = That is too long for a name. Send only the surname, first name and, if you know it, the patronymic.
suggest-name-words = Send the surname and the first name, and the patronymic if you know it (two to four words).
suggest-name-letters = A name has only letters (hyphens and apostrophes inside a word are fine). Please send just the name.
suggest-gender-ask = Is this a man or a woman? Russian letters and envelopes depend on it.
suggest-gender-male = A man
suggest-gender-female = A woman
suggest-press-button = Please choose with the buttons above, or send /cancel.
suggest-year-ask = Year of birth (four digits, for example 1985). If you do not know it, press the button.
suggest-year-unknown = I don't know
suggest-year-invalid = That is not a year of birth: send four digits, for example 1985, or press "I don't know".
suggest-facility-ask = Where is the person held? Send the facility as you know it: its number and town, for example "IK-4 Torzhok" or "СИЗО-1 Симферополь". If you do not know it, press the button for the country.
suggest-facility-too-long = That is too long: send only the facility's number and town.
suggest-facility-none = No facility matches “{ $query }”. Try only the number and the town (for example "ИК-4 Торжок"), or the region.
suggest-facility-pick = Choose the facility, or send another search:
suggest-confirm = Details you gave, not checked:
    Name: { $name }
    Born: { $born }
    Facility: { $institution }

    Send them to organisers? They check them against public sources before anyone else sees them.
suggest-send = Send to organisers
suggest-drop = Cancel
suggest-dropped = Cancelled. Nothing was sent.
suggest-too-many = You already have five people waiting for organisers to check. Please wait until they have answered.
suggest-facility-gone = That facility is no longer in our list. Please start again.
suggest-sent = Sent to organisers. They will check the details against public sources; this can take a few days. If they add the person to the directory, I will send you a message here. If they cannot confirm the details, I will tell you that too. Nothing you sent is shown to other users.

    You need not wait: you can write to this person now with the details you gave. Every screen and instruction will say they are not checked yet.
suggest-notice-accepted = Organisers have checked the details you gave about { $name } and added this person to the directory. You can write to them now.
suggest-notice-dismissed = Organisers could not confirm the details you gave about { $name }, so this person has not been added to the directory. If you know a source (a news article or a registry page), tell an organiser.
suggest-card-source = submitted by a user, confirmed by { $role }
suggest-role-organiser = an organiser
suggest-role-admin = an admin
suggest-write-now = ✍️ Write to them now
suggest-card-unchecked = details you gave, not checked
suggest-letter-unchecked = ⚠️ Details you gave, not checked: { $name }, { $institution }. Organisers have not checked them yet; if they find something different, I will tell you. Until then nobody else sees this person in Lysty.
suggest-packet-unchecked = Details you gave, not checked: the name, year of birth and facility come from you, not from a registry. Make sure they are right before you send.
suggest-check-unchecked = ⚠️ Details you gave, not checked: make sure the name and facility are right before you send.
suggest-relay-unchecked = ⚠️ Details given by the writer, not checked by organisers: check the name and facility before posting.
suggest-print-unchecked = Details given by the writer, not checked by organisers: check the name and address before posting.
suggest-facility-unknown-ru = I don't know the facility: Russia or occupied territory
suggest-facility-unknown-by = I don't know the facility: Belarus
suggest-facility-not-known-ru = not known (held by Russia)
suggest-facility-not-known-by = not known (held in Belarus)
suggest-sent-no-facility = Sent to organisers. They will check the details against public sources and look for the facility; this can take a few days. If they add the person to the directory, I will send you a message here. If they cannot confirm the details, I will tell you that too. Nothing you sent is shown to other users.

    Without a facility there is no address to post a letter to yet: you can write now only to organisers who pass letters on, or through a delivery service, and the next screen says which is open.
