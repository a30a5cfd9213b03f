## Explanations of the normalisation layer, the context frames and the learned model (issue 16).

censorship-language-latin-why = The letter is in an accepted language but typed in Latin letters. A censor reads it as a foreign language or a cipher; Memorial says only letters entirely in Russian are processed.
censorship-language-latin-instead = Retype it in Cyrillic letters (switch the keyboard layout), then check it again.

censorship-model-why = The program's learned model thinks a censor might read this sentence as being about this topic, even though it has none of the usual words. It can be wrong: read the sentence with a censor's eyes.
censorship-model-instead = If the sentence does touch the topic, rewrite it about everyday life or leave it out; if it clearly does not, keep it.

censorship-code-signal-why = This looks like an agreed signal ("if I write X, it means Y"). Secret writing and ciphers are not delivered by law, and such letters can be handed to investigators.
censorship-code-signal-instead = Write plainly and say only what you can say openly. No agreed words, marks or signs.

censorship-case-testimony-why = This reads as agreeing on testimony or hiding evidence. Information that may interfere with establishing the truth in a criminal case is not delivered, and such a letter can become evidence against the prisoner or you.
censorship-case-testimony-instead = Do not discuss what anyone should say, or what happened to things and messages. Leave all of it to the lawyer, in person.

censorship-case-threat-why = This reads as a threat to a judge, a witness or an investigator. Such a letter is withheld as "preparing a crime" and can start a new case against the prisoner or you.
censorship-case-threat-instead = Leave out any words about what will happen to the people in the case. Write about the prisoner's life and yours.

censorship-contraband-enclosure-why = This reads as a hidden enclosure (under the stamp, in a binding, at the bottom of a jar). Forbidden enclosures are not delivered, and hiding something is treated as facilitating a crime.
censorship-contraband-enclosure-instead = Send only what the rules allow, openly, through the official parcel service. Do not hint at hidden things, not even as a joke.

censorship-contraband-bribe-why = This reads as bribing or "thanking" staff. Letters about money for staff are blocked and can lead to a criminal case against the prisoner or you.
censorship-contraband-bribe-instead = Leave out any talk of paying or thanking staff. Money goes only through the prison's official transfer channel.

censorship-politics-news-why = Retelling political news is one of the reasons letters are blocked (Mediazona), and critical remarks about the authorities are cut.
censorship-politics-news-instead = Write about your own life, books, films, the prisoner's professional field: not about politics or the news.

censorship-politics-campaign-why = Words about support campaigns, rallies or being recognised as a political prisoner make the letter political: such letters are often withheld, and since mid-2023 political prisoners' mail is selectively blocked.
censorship-politics-campaign-instead = Say that many people remember them and write to them, without naming campaigns, rallies or organisations.

censorship-politics-slur-why = An ethnic slur. Such words can be treated as inciting hatred (an "extremism" article) and they hurt people; the letter will not be passed.
censorship-politics-slur-instead = Leave it out. Write about people by name, without labels.

censorship-profanity-sexual-why = Sexual or "cynical" content: Mediazona lists «cynical» letters among what is not delivered, and Memorial advises against crude words. Such lines are also read by staff and cell-mates.
censorship-profanity-sexual-instead = Say you miss them and love them in words you would not mind a stranger reading.

censorship-war-city-why = You name the Ukrainian city where you live or write from. A censor reads it as a letter from the war, and letters can reach investigators: your whereabouts can be used against you or your family.
censorship-war-city-instead = Leave out which city you are in; "we are fine, at home" is enough.

censorship-contacts-handle-why = An e-mail, a messenger handle or a link, even written without @ or without "https": letters can reach investigators, and contacts expose you and others; links are not followed by a censor and can be read as internet printouts.
censorship-contacts-handle-instead = Leave out e-mails, handles and links. The prisoner can answer through the official reply form or an organisation that relays letters.
