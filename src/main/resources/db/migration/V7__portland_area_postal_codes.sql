-- Approximate centroids of the Portland–Beaverton area's postal codes (latitude/longitude, 4 decimals), so the
-- provider directory's distance search ("within N km of 97005") needs no outside geocoder. Reference data:
-- loaded in every environment. One point stands for a whole postal code, which is enough for "within N km".
insert into postal_code_centroid (postal_code, city, latitude, longitude) values
    ('97201', 'Portland', 45.5075, -122.6910),  -- Downtown south / Marquam Hill
    ('97202', 'Portland', 45.4823, -122.6440),  -- Sellwood, Brooklyn, Division/Clinton south
    ('97203', 'Portland', 45.5985, -122.7390),  -- St. Johns
    ('97204', 'Portland', 45.5182, -122.6745),  -- Downtown core
    ('97205', 'Portland', 45.5195, -122.7040),  -- Goose Hollow, Washington Park
    ('97206', 'Portland', 45.4820, -122.5995),  -- Woodstock, Foster-Powell
    ('97207', 'Portland', 45.5250, -122.6770),  -- P.O. boxes (downtown)
    ('97208', 'Portland', 45.5250, -122.6770),  -- P.O. boxes (downtown)
    ('97209', 'Portland', 45.5305, -122.6840),  -- Pearl District, Old Town
    ('97210', 'Portland', 45.5450, -122.7300),  -- Nob Hill, NW hills, Forest Park
    ('97211', 'Portland', 45.5653, -122.6443),  -- Alberta Arts, King, Concordia
    ('97212', 'Portland', 45.5442, -122.6433),  -- Irvington, Alameda, Grant Park
    ('97213', 'Portland', 45.5374, -122.5998),  -- Hollywood, Rose City Park
    ('97214', 'Portland', 45.5140, -122.6425),  -- Buckman, Sunnyside, Hawthorne
    ('97215', 'Portland', 45.5146, -122.5998),  -- Mt. Tabor, Montavilla west
    ('97216', 'Portland', 45.5137, -122.5567),  -- Montavilla east, Mill Park
    ('97217', 'Portland', 45.5880, -122.6930),  -- Kenton, Arbor Lodge, Overlook
    ('97218', 'Portland', 45.5774, -122.6010),  -- Cully, airport
    ('97219', 'Portland', 45.4556, -122.7074),  -- Multnomah Village, Hillsdale south
    ('97220', 'Portland', 45.5502, -122.5564),  -- Gateway, Parkrose
    ('97221', 'Portland', 45.4980, -122.7297),  -- SW hills, Bridlemile
    ('97222', 'Milwaukie', 45.4405, -122.6170),  -- Milwaukie
    ('97223', 'Tigard', 45.4401, -122.7768),  -- Tigard north, Metzger, Washington Square
    ('97224', 'Tigard', 45.4057, -122.7952),  -- Tigard south, King City, Bull Mountain
    ('97225', 'Portland', 45.4987, -122.7739),  -- Raleigh Hills, West Slope
    ('97227', 'Portland', 45.5431, -122.6739),  -- Eliot, Mississippi south
    ('97229', 'Portland', 45.5491, -122.8110),  -- Cedar Mill, Bethany, Forest Heights
    ('97230', 'Portland', 45.5572, -122.5052),  -- Wilkes, Argay
    ('97231', 'Portland', 45.6400, -122.8250),  -- Linnton, Skyline, Sauvie Island (mostly rural)
    ('97232', 'Portland', 45.5290, -122.6440),  -- Kerns, Lloyd District, Sullivan's Gulch
    ('97233', 'Portland', 45.5146, -122.4986),  -- Rockwood, Centennial
    ('97236', 'Portland', 45.4830, -122.5091),  -- Powellhurst-Gilbert, Pleasant Valley
    ('97239', 'Portland', 45.4923, -122.6923),  -- South Portland, Johns Landing, Hillsdale north
    ('97266', 'Portland', 45.4827, -122.5597),  -- Lents, Powellhurst
    ('97267', 'Milwaukie', 45.4081, -122.6129),  -- Oak Grove, Jennings Lodge
    ('97003', 'Beaverton', 45.5025, -122.8637),  -- Beaverton west, Aloha north
    ('97005', 'Beaverton', 45.4919, -122.8034),  -- Central Beaverton, Cedar Hills
    ('97006', 'Beaverton', 45.5172, -122.8587),  -- Beaverton northwest, Tanasbourne south
    ('97007', 'Beaverton', 45.4610, -122.8550),  -- Murray Hill, Cooper Mountain
    ('97008', 'Beaverton', 45.4605, -122.8078),  -- Beaverton south, Greenway, Nimbus
    ('97078', 'Beaverton', 45.4710, -122.8730),  -- Aloha south
    ('97123', 'Hillsboro', 45.4950, -122.9780),  -- Hillsboro downtown and south
    ('97124', 'Hillsboro', 45.5480, -122.9440),  -- Orenco, Tanasbourne
    ('97034', 'Lake Oswego', 45.4090, -122.6840),  -- Lake Oswego downtown and east
    ('97035', 'Lake Oswego', 45.4160, -122.7260),  -- Lake Grove
    ('97062', 'Tualatin', 45.3720, -122.7630),  -- Tualatin
    ('97140', 'Sherwood', 45.3560, -122.8440),  -- Sherwood
    ('97030', 'Gresham', 45.5070, -122.4330),  -- Gresham central
    ('97080', 'Gresham', 45.4800, -122.4100),  -- Gresham south
    ('97086', 'Happy Valley', 45.4450, -122.5280),  -- Happy Valley
    ('97015', 'Clackamas', 45.4130, -122.5230),  -- Clackamas
    ('97024', 'Fairview', 45.5450, -122.4430),  -- Fairview
    ('97027', 'Gladstone', 45.3860, -122.5930),  -- Gladstone
    ('97045', 'Oregon City', 45.3300, -122.5800),  -- Oregon City
    ('97060', 'Troutdale', 45.5320, -122.3900),  -- Troutdale
    ('97068', 'West Linn', 45.3530, -122.6440),  -- West Linn
    ('97070', 'Wilsonville', 45.3070, -122.7680),  -- Wilsonville
    ('97113', 'Cornelius', 45.5200, -123.0500),  -- Cornelius
    ('97116', 'Forest Grove', 45.5280, -123.1100);  -- Forest Grove
