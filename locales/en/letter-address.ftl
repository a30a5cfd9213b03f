letter-post-address-source = The address is the one { $source } gives for this person ({ $url }), as of { $asOf }.
