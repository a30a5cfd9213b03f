start-welcome =
    Lysty helps you write to political prisoners and civilian hostages held by Russia and Belarus.

    • Find a prisoner and see their current status, with the date and source.
    • Write a letter: I check it for words a prison censor would block or that could hurt the prisoner, and tell you exactly how to send it.
    • Follow a case and learn about punishment cells, transfers and trials the same day.

    Choose what to do:
start-greeting = Hello! 👋
start-unknown-link = This link is out of date or incomplete. Here is the main menu instead.
menu-find = 🔎 Find a prisoner
menu-browse = 📋 Browse
menu-write = ✍️ Write a letter
menu-letters = 📬 My letters
menu-language = 🌐 Language
menu-help = ❓ Help
help-intro = How Lysty works: find a prisoner, write a letter (I check it and explain how to deliver it), and follow the case.
help-tip = You can also just type a name in any spelling, e.g. «Zeytullaev 1984».
language-choose = Choose the interface language:
language-changed = Done: I will speak English now.
language-name-uk = Українська
language-name-en = English
language-name-ru = Русский
cancel-done = Stopped. Your draft is saved: you can come back to it later (/write).
cancel-done-step = Stopped: nothing was sent and nothing changed.
cancel-nothing = There was nothing to cancel.
unhandled-text = I did not understand that. Type a prisoner's name to search, or choose from the menu.
unhandled-sentences = To write a letter, first choose whom it is for: press “✍️ Write a letter” below or send /write, then send the text. To find someone, send just their surname.
unhandled-command = I do not know this command. Here is the menu:
unhandled-media = I only understand text messages here — photos, stickers, voice messages and files are not used. Choose from the menu:
unhandled-stale-button = This button is out of date. Please open the menu again with /start.
error-generic = Sorry, something went wrong on our side. Nothing you wrote is lost — please try again in a minute.
command-start = Main menu
command-find = Find a prisoner
command-browse = Browse: campaigns, few letters, birthdays
command-write = Write a letter
command-letters = My letters
command-language = Interface language
command-privacy = What we store
command-help = How it works
command-cancel = Leave the current step
