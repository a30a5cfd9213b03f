review-only-organisers = Only organisers and admins review the directory.
review-none = Nothing to review: the sources agree.
review-waiting = Waiting for review: { $count }.
review-status-title = <b>Sources disagree about the status of { $name }</b>
review-institution-title = <b>Sources disagree about where { $name } is held</b>
review-side = • { $organisation }: { $value }, as of { $asOf } — { $url }
review-identity-title = <b>Is this someone already in the directory?</b>
    { $organisation } lists { $name } (born { $born }): { $url }
review-identity-candidate = { $number }. { $name } (born { $born })
review-accept = Accept { $organisation }
review-same-as = Same person as no. { $number }
review-different = A different person
review-dismiss = Dismiss
review-accepted = ✅ Accepted: { $organisation } — { $value }, as of { $asOf }. The card names this source.
review-merged = ✅ Linked to { $name }. The next sync applies this source's facts to the card.
review-kept-apart = ✅ Kept apart. If the source recognises the person, the next sync adds a separate card.
review-dismissed = Dismissed. The card stays as it was.
review-already = Someone has already dealt with this, or it no longer exists.
review-value-not-in-custody = not in custody
review-card-disagreement = ⚠️ Sources disagree: { $sides }. Organisers are checking.
review-card-side = { $organisation }: { $value }, as of { $asOf }
review-sync-summary = <b>Directory sync</b>
review-sync-source = { $source }: added { $added }, updated { $updated }, unchanged { $unchanged }, conflicts { $conflicts }, to review { $review }, skipped { $skipped }, source errors { $errors }
review-sync-failed = { $source }: failed — { $reason }
review-sync-open = Open /review to settle { $count } open items.
review-suggestion-title = <b>A user asks to add someone not listed</b> (details they gave, not checked; sent { $date })
    { $name }, born { $born }
    { $place }
    Check a source before adding. The card will name its source as "submitted by a user, confirmed by an organiser" (or an admin).
review-suggestion-add = Add to the directory
review-suggestion-added = ✅ Added to the directory; the card names its source: submitted by a user, confirmed by { $role }. The user has been told.
review-suggestion-dismissed = Dismissed. Nothing was added; the user has been told that the details could not be confirmed.
command-review = Registry disagreements and people writers ask to add
review-suggestion-facility-unknown-ru = Facility: not known (the writer does not know it; held by Russia, they say). Find it before adding, or add the person without one.
review-suggestion-facility-unknown-by = Facility: not known (the writer does not know it; held in Belarus, they say). Find it before adding, or add the person without one.
