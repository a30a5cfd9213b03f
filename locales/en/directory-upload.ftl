directory-upload-admins-only = Only admins can import directory files. To tell organisers about someone who is not listed, use /write and "Write to someone not in the list".
directory-upload-too-big = This file is larger than { $megabytes } MB, too large for an export. Check that it is Viasna's export (.csv) or FSIN-pismo's list (.json).
directory-upload-download-failed = I could not download the file from Telegram. Please send it again.
directory-upload-started = Importing the file. Its date comes from its name (for example list_889_30-08-2026.csv), otherwise today's date is used.
directory-upload-running = A directory sync is already running. Send the file again when it has finished.
