# Flows (conversations): answers of the conversation kit in src/bot/flows/.
flows-outdated = This step is out of date: the bot has been updated since you started it. Please start again, for example with /start. Your letter drafts are kept.
