letter-post-address-source = Це адреса, яку для цієї людини наводить { $source } ({ $url }), станом на { $asOf }.
