MERGE (n:Edition {id: $id})
SET n.name = $name, n.aliases = $aliases, n.year = $year, n.region = $region, n.format = $format,
    n.city = $city, n.country = $country, n.startDate = date($startDate), n.endDate = date($endDate),
    n.attendees = $attendees, n.sources = $sources, n.reference = $reference, n.searchText = $searchText
