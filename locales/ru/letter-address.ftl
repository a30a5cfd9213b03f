letter-post-address-source = Это адрес, который для этого человека указывает { $source } ({ $url }), по состоянию на { $asOf }.
