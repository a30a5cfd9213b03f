# Flows (conversations): answers of the conversation kit in src/bot/flows/.
flows-outdated = This step is out of date: the bot has been updated since you started it. Please start again, for example with /start. Your letter drafts are kept.
flows-text-only = This step reads only text: photos, stickers, voice messages and files are not used. Answer the question above with a message or a button, or send /cancel to stop.
