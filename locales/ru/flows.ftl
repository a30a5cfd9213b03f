# Flows (conversations): answers of the conversation kit in src/bot/flows/.
flows-outdated = Этот шаг уже устарел: с тех пор как вы его начали, бот обновился. Пожалуйста, начните сначала, например с /start. Черновики ваших писем сохранены.
