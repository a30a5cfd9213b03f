## The letter's short screens (issue 15): guidance on demand, one line per finding, paragraphs.

letter-screens-button-more = ℹ️ More
letter-screens-start-hint = Send the letter in Russian — one or several messages, up to { $limit } characters. Or begin with ready sentences.
letter-screens-writing-how = Each message becomes a new paragraph and is saved at once. “Show the draft” to edit, delete or move a paragraph. Up to { $limit } characters.
letter-screens-replace-then-end = After that, new messages are added at the end of the letter.
letter-screens-saved-before-closing = Saved before the wishes and the sign-off. { $stats }

letter-screens-paragraphs-title = { $count ->
        [one] { $count } paragraph
       *[other] { $count } paragraphs
    } · { $stats }
letter-screens-paragraphs-hint = Press a paragraph's number to edit, delete or move it.
letter-screens-button-whole-text = 📄 The whole text, to copy
letter-screens-paragraph-edit = Paragraph { $number } of { $count } — above, to copy. Send its new text and it replaces this paragraph. Or:
letter-screens-button-delete = 🗑 Delete the paragraph
letter-screens-button-up = ⬆️ Up
letter-screens-button-down = ⬇️ Down
letter-screens-button-back = ↩️ Back to the paragraphs
letter-screens-paragraph-replaced = Paragraph { $number } replaced.
letter-screens-paragraph-continued = This message came right after the one before, so it is taken as the rest of the same text: it went in after paragraph { $number }, as paragraph { $last }, not at the end of the letter. { $stats }
letter-screens-cut-joined = Saved. This message continues the one before: Telegram cut your long text inside a paragraph, so it was added to the same paragraph { $number } rather than as a paragraph of its own. { $stats }
letter-screens-paste-rest-refused = This came right after a text for paragraph { $number } that was not saved, so it is taken as the rest of that text and was not saved either. The draft was not changed.
letter-screens-paragraph-deleted = Paragraph { $number } deleted.
letter-screens-paragraph-moved = Paragraph { $number } moved.
letter-screens-paragraph-changed = The draft has changed since this button appeared, so nothing was changed. Here are the paragraphs now:
letter-screens-paragraph-cannot-move = It cannot move further: it is the first or the last paragraph.
letter-screens-paragraph-too-long = With this paragraph the letter would be { $characters } characters long; the limit is { $limit }. The draft was not changed.

letter-screens-button-why = ❓ { $number }
letter-screens-button-edit-paragraph = ✏️ Paragraph { $number }
letter-screens-check-hidden = …and { $count ->
        [one] one more place
       *[other] { $count } more places
    } — fix these and the check shows the rest.
letter-screens-check-footer = ❓ — why it matters. ℹ️ The check is no guarantee: it can be wrong, and some things only you can see — see “What no program can see”.

letter-screens-short-war = no war or army: write about everyday life
letter-screens-short-war-city = leave out which city you are in
letter-screens-short-ukraine-symbols = support without slogans: “thinking of you”
letter-screens-short-banned-org = do not name the organisation
letter-screens-short-politics = no politics or judgements of the authorities
letter-screens-short-case = do not discuss the case
letter-screens-short-code = full words, no abbreviations or slang
letter-screens-short-profanity = no swearing
letter-screens-short-lgbt = leave this topic out: the censor will not pass it
letter-screens-short-prison = do not ask about conditions or staff
letter-screens-short-contraband = do not mention anything forbidden, even as a joke
letter-screens-short-contacts = no phone numbers, cards or addresses
letter-screens-short-tone = a warm word instead of “hang in there”
letter-screens-short-language-ru = language: { $language } — write in Russian
letter-screens-short-language-by = language: { $language } — write in Russian or Belarusian
letter-screens-short-language-latin = Latin letters: write in Cyrillic

letter-screens-starter-recipient-gender = { $gender ->
        [female] The sentences address her in the feminine
       *[other] The sentences address him in the masculine
    }, as the directory records.
letter-screens-starter-writer-gender = { $gender ->
        [female] They speak of you in the feminine («я узнала»)
       *[other] They speak of you in the masculine («я узнал»)
    }, as you chose before; “Change how I am addressed” changes it.
letter-screens-button-regender = ⚧ Change how I am addressed
letter-screens-starter-page = Options { $from }–{ $to } of { $total }.
letter-screens-button-options-more = More options ▶️
letter-screens-button-options-back = ◀️ Previous
