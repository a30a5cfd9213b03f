## The censorship check's result screen: what it cannot promise, and the checklist of what no program can see.

letter-check-limits = ℹ️ The check finds typical risks in the wording; it is not a guarantee, and it can be wrong both ways. Some things no program can see: look through the checklist before you send.
letter-check-button-topics = 🗒 What no program can see
letter-check-topics-title = What no program can see — read your letter once more for these:
letter-check-topic-names = • Names: cell-mates, other people in the case, anyone who could be questioned because of your letter.
letter-check-topic-facts = • Facts only you and the prisoner know: dates, places, plans, who did what.
letter-check-topic-whereabouts = • Where you and your family live now, and where you travel.
letter-check-topic-enclosures = • Photos and enclosures: faces, uniforms, symbols, recognisable places.
letter-check-topic-whole = • Whether the letter as a whole sounds political or like a report from the war, even if no single word does.
letter-check-topic-by-relatives = • Belarus: after sentencing, political prisoners often receive letters only from close relatives listed in their file (Viasna). A letter from anyone else may simply not be handed over, whatever it says.
letter-check-topic-by-pretrial = • Belarus, pre-trial detention: which letters are handed over is arbitrary (Viasna). Keep it short and about everyday life.
letter-check-topic-pretrial-case = • Pre-trial detention: the investigator may read the letter. Do not mention the case, its circumstances, the prisoner's past actions, other people in the case or your opinion of it.
