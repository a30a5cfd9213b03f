# Flows (conversations): answers of the conversation kit in src/bot/flows/.
flows-outdated = Цей крок уже застарів: відколи ви його почали, бот оновився. Будь ласка, почніть спочатку, наприклад із /start. Чернетки ваших листів збережено.
