// Word lists for the generated news corpus: enough variety that term frequencies look like a long-running story's,
// with a common core, a long tail and names that recur across articles.

export const firstNames = [
  'Jane', 'John', 'Maria', 'Ahmed', 'Olena', 'Tomislav', 'Marija', 'Steve', 'Rustem', 'Andrii', 'Yury', 'Volodymyr', 'Jared',
  'Ines', 'Lukas', 'Sofia', 'Pedro', 'Amara', 'Kenji', 'Priya', 'Omar', 'Chloe', 'Daniel', 'Hannah', 'Mateo', 'Fatima',
  'Ivan', 'Elena', 'Pavel', 'Nadia', 'Samuel', 'Grace', 'Tariq', 'Leila', 'Henrik', 'Astrid', 'Carlos', 'Lucia', 'Wei',
  'Mei', 'Arjun', 'Ananya', 'Kwame', 'Abena', 'Diego', 'Camila', 'Yusuf', 'Zeynep', 'Bogdan', 'Irina', 'Goran', 'Vesna',
  'Patrick', 'Siobhan', 'Robert', 'Margaret', 'Thomas', 'Catherine', 'Michael', 'Rachel', 'David', 'Sarah', 'Peter', 'Anna',
  'Miguel', 'Rosa', 'Hassan', 'Amina', 'Nikola', 'Josip', 'Luka', 'Petra', 'Stefan', 'Klara', 'Emre', 'Aylin', 'Olivier',
  'Margaux', 'Felix', 'Greta', 'Raul', 'Alba', 'Sergei', 'Natalia', 'Tobias', 'Ingrid', 'Kofi', 'Efua', 'Rahul', 'Divya',
];

export const surnames = [
  'Doe', 'Vuković', 'Barić', 'Witkoff', 'Umerov', 'Sybiha', 'Ushakov', 'Kushner', 'Matić', 'Stanić', 'Okafor', 'Haddad',
  'Kowalski', 'Novak', 'Horvat', 'Petrenko', 'Shevchenko', 'Moreau', 'Lefebvre', 'Schneider', 'Fischer', 'Rossi', 'Russo',
  'Fernández', 'García', 'Martínez', 'Silva', 'Santos', 'Nakamura', 'Tanaka', 'Sharma', 'Patel', 'Mensah', 'Boateng',
  'Nguyen', 'Tran', 'Kim', 'Park', 'Chen', 'Wang', 'Yilmaz', 'Demir', 'Kaya', 'Ivanova', 'Popescu', 'Ionescu', 'Nagy',
  'Varga', 'Kovač', 'Babić', 'Jurić', 'Marković', 'Petrović', 'Jovanović', 'Andersen', 'Lindqvist', 'Johansson', 'Murphy',
  "O'Brien", 'Kelly', 'Walsh', 'Byrne', 'Thompson', 'Harris', 'Clarke', 'Bennett', 'Hughes', 'Brennan', 'Costa', 'Ferreira',
  'Almeida', 'Abdullah', 'Rahman', 'Karimi', 'Hosseini', 'Mwangi', 'Otieno', 'Adeyemi', 'Balogun', 'Castillo', 'Romero',
  'Delgado', 'Vargas', 'Herrera', 'Sokolov', 'Morozov', 'Volkov', 'Lebedev', 'Kozlov', 'Bauer', 'Wagner', 'Keller',
  'Hoffmann', 'Dubois', 'Laurent', 'Girard', 'Bianchi', 'Conti', 'Gallo', 'Esposito', 'Marino', 'Greco', 'Lombardi',
];

export const places = [
  'Geneva', 'Miami', 'Moscow', 'Kyiv', 'Slavonski Brod', 'Zagreb', 'Vienna', 'Brussels', 'Lisbon', 'Rotterdam', 'Hamburg',
  'Marseille', 'Genoa', 'Piraeus', 'Gdansk', 'Antwerp', 'Valencia', 'Bilbao', 'Oslo', 'Helsinki', 'Tallinn', 'Riga',
  'Vilnius', 'Warsaw', 'Prague', 'Budapest', 'Belgrade', 'Sarajevo', 'Skopje', 'Sofia', 'Bucharest', 'Istanbul', 'Ankara',
  'Athens', 'Naples', 'Milan', 'Turin', 'Lyon', 'Bordeaux', 'Porto', 'Seville', 'Madrid', 'Barcelona', 'Dublin', 'Cork',
  'Glasgow', 'Leeds', 'Manchester', 'Bristol', 'Cardiff', 'Halden', 'Bergen', 'Aarhus', 'Malmo', 'Gothenburg', 'Tampere',
  'Lagos', 'Accra', 'Nairobi', 'Mombasa', 'Durban', 'Cairo', 'Tunis', 'Doha', 'Dubai', 'Muscat', 'Karachi', 'Mumbai',
  'Chennai', 'Colombo', 'Singapore', 'Jakarta', 'Manila', 'Busan', 'Osaka', 'Yokohama', 'Shanghai', 'Santos', 'Valparaiso',
  'Callao', 'Cartagena', 'Veracruz', 'Halifax', 'Vancouver', 'Seattle', 'Oakland', 'Houston', 'Savannah', 'Baltimore',
];

export const countries = [
  'Croatia', 'Ukraine', 'Russia', 'Poland', 'Germany', 'France', 'Italy', 'Spain', 'Portugal', 'Greece', 'Turkey', 'Norway',
  'Sweden', 'Finland', 'Denmark', 'Ireland', 'Britain', 'Nigeria', 'Ghana', 'Kenya', 'Egypt', 'India', 'Japan', 'Brazil',
  'Chile', 'Peru', 'Mexico', 'Canada', 'Romania', 'Hungary', 'Serbia', 'Bulgaria', 'Austria', 'Belgium', 'Netherlands',
];

export const organisations = [
  'the Ministry of Transport', 'the Port Authority', 'the Dockworkers Union', 'the Interior Ministry', 'the Finance Ministry',
  'the European Commission', 'the World Bank', 'the Red Cross', 'the National Grid', 'the Civil Protection Agency',
  'the Maritime Council', 'Acme Shipping', 'Nordic Freight', 'Harbor Logistics', 'Meridian Energy', 'Atlas Holdings',
  'the Central Bank', 'the Supreme Court', 'the City Council', 'the Chamber of Commerce', 'the Transport Workers Federation',
  'the Environment Agency', 'the Coast Guard', 'the Health Ministry', 'the Labour Inspectorate', 'the Competition Authority',
  'Baltic Terminals', 'Continental Rail', 'Southern Power', 'the Employers Association', 'the Pilots Guild', 'the Senate',
];

export const roles = [
  'spokesperson', 'minister', 'chief executive', 'president', 'chair', 'director', 'mayor', 'governor', 'secretary general',
  'deputy minister', 'chief negotiator', 'union leader', 'spokesman', 'spokeswoman', 'commissioner', 'head', 'economist',
  'analyst', 'prosecutor', 'judge', 'senator', 'adviser', 'envoy', 'inspector', 'harbour master', 'police chief',
];

export const outlets = [
  { name: 'Reuters', wire: true }, { name: 'AP', wire: true }, { name: 'UPI', wire: true }, { name: 'AFP', wire: true },
  { name: 'Harbor Wire', wire: false }, { name: 'Continental Press', wire: false }, { name: 'The Daily Ledger', wire: false },
  { name: 'EuroPulse News', wire: false }, { name: 'Northern Herald', wire: false }, { name: 'The Morning Post', wire: false },
  { name: 'Metro Tribune', wire: false }, { name: 'Coastal Gazette', wire: false }, { name: 'CRBC News', wire: false },
  { name: 'The Evening Standard', wire: false }, { name: 'Capital Times', wire: false }, { name: 'Business Daily', wire: false },
];

// The story's common words, most frequent first: news English with a bias to the story's topic (ports, strikes,
// energy, floods, talks), so that a handful of terms touch a large share of the index as they do in real coverage.
export const nouns = [
  'talks', 'strike', 'port', 'government', 'workers', 'union', 'agreement', 'deal', 'officials', 'wages', 'ships', 'cargo',
  'containers', 'terminal', 'river', 'flood', 'water', 'levee', 'rain', 'residents', 'city', 'region', 'country', 'energy',
  'prices', 'gas', 'power', 'supply', 'contract', 'contracts', 'talks', 'negotiations', 'proposal', 'plan', 'budget', 'aid',
  'funding', 'investment', 'merger', 'shares', 'market', 'investors', 'company', 'companies', 'court', 'ruling', 'appeal',
  'election', 'vote', 'votes', 'turnout', 'candidates', 'campaign', 'council', 'parliament', 'law', 'bill', 'police', 'protest',
  'protesters', 'demonstration', 'crowd', 'injuries', 'deaths', 'victims', 'families', 'shelter', 'shelters', 'evacuation',
  'damage', 'losses', 'costs', 'inflation', 'growth', 'economy', 'exports', 'imports', 'shipping', 'freight', 'routes',
  'delays', 'queue', 'trucks', 'drivers', 'pilots', 'crews', 'dockers', 'employers', 'pensions', 'hours', 'overtime',
  'safety', 'conditions', 'inspection', 'report', 'investigation', 'inquiry', 'statement', 'meeting', 'summit', 'visit',
  'ceasefire', 'sanctions', 'security', 'border', 'troops', 'volunteers', 'sandbags', 'embankment', 'bridge', 'roads',
  'railway', 'trains', 'airport', 'flights', 'schools', 'hospitals', 'electricity', 'households', 'homes', 'villages',
  'forecast', 'weather', 'storm', 'temperatures', 'drought', 'harvest', 'farmers', 'fishermen', 'exporters', 'retailers',
  'consumers', 'tariffs', 'taxes', 'subsidies', 'loans', 'debt', 'bonds', 'rates', 'revenue', 'profit', 'earnings', 'jobs',
  'layoffs', 'hiring', 'pay', 'raise', 'offer', 'demands', 'dispute', 'mediation', 'mediator', 'arbitration', 'deadline',
  'ultimatum', 'walkout', 'picket', 'lines', 'blockade', 'backlog', 'warehouses', 'stockpiles', 'shortages', 'fuel', 'diesel',
  'grain', 'fertiliser', 'steel', 'chips', 'semiconductors', 'factories', 'plants', 'output', 'production', 'capacity',
  'regulators', 'approval', 'review', 'conditions', 'remedies', 'lawmakers', 'ministers', 'diplomats', 'allies', 'partners',
];

export const verbsPast = [
  'said', 'announced', 'confirmed', 'warned', 'rejected', 'approved', 'signed', 'agreed', 'proposed', 'demanded', 'urged',
  'criticised', 'welcomed', 'postponed', 'cancelled', 'extended', 'suspended', 'resumed', 'blocked', 'raised', 'cut',
  'pledged', 'promised', 'estimated', 'reported', 'recorded', 'deployed', 'evacuated', 'rescued', 'closed', 'reopened',
  'delayed', 'halted', 'launched', 'completed', 'reached', 'missed', 'doubled', 'tripled', 'fell', 'rose', 'dropped',
  'climbed', 'slowed', 'stalled', 'collapsed', 'recovered', 'expanded', 'reduced', 'increased', 'questioned', 'defended',
];

export const adjectives = [
  'new', 'first', 'last', 'latest', 'major', 'key', 'main', 'national', 'local', 'regional', 'european', 'federal',
  'public', 'private', 'economic', 'political', 'legal', 'final', 'early', 'late', 'long', 'short', 'high', 'low', 'large',
  'small', 'strong', 'weak', 'sharp', 'steady', 'temporary', 'permanent', 'emergency', 'urgent', 'formal', 'informal',
  'fresh', 'further', 'broader', 'tougher', 'partial', 'full', 'joint', 'rival', 'senior', 'junior', 'coastal', 'northern',
  'southern', 'eastern', 'western', 'central', 'industrial', 'financial', 'diplomatic', 'military', 'humanitarian',
];

export const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const monthAbbreviations = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

export const countNouns = ['people', 'workers', 'residents', 'ships', 'containers', 'trucks', 'flights', 'households', 'troops', 'volunteers', 'jobs', 'vessels', 'passengers', 'families', 'homes'];
export const countVerbs = ['evacuated', 'stranded', 'affected', 'deployed', 'idled', 'cancelled', 'delayed', 'rescued', 'laid off', 'moved', 'turned away'];
export const events = ['vote', 'hearing', 'summit', 'ballot', 'inspection', 'meeting', 'ruling', 'auction', 'referendum', 'debate', 'launch', 'review'];
export const reasons = [
  'heavy rain', 'a court injunction', 'security concerns', 'a dispute over pay', 'missing paperwork', 'a power cut', 'the storm',
  'a shortage of staff', 'a legal challenge', 'safety concerns', 'the strike', 'low turnout', 'a cyber attack', 'high winds',
];
export const purposes = ['flood defences', 'the port upgrade', 'emergency housing', 'wage increases', 'the rescue effort', 'new cranes', 'rail links', 'the clean-up', 'pension funds', 'energy subsidies'];
export const metrics = ['Inflation', 'Unemployment', 'Container traffic', 'Freight volume', 'Electricity demand', 'Turnout', 'The share price', 'Exports', 'Fuel prices', 'Rents'];

export const quoteClauses = [
  'We will not accept a deal that leaves our members worse off',
  'The next five days will be decisive',
  'Everyone in the evacuation zone must leave now',
  'This is the worst crisis the port has faced in a generation',
  'We are ready to talk at any hour of the day or night',
  'Nobody wins from a long dispute',
  'The numbers speak for themselves',
  'We have asked the government to step in',
  'Our priority is the safety of the crews',
  'There is still a gap between the two sides',
  'I am confident we can reach an agreement this week',
  'The offer on the table is final',
  'We knew that section was soaked through',
  'Families deserve answers',
  'The damage will take years to repair',
  'It does take two to tango',
];

export const boilerplateLines = [
  'Sign up for our daily briefing newsletter here.',
  'Also Read: How the dispute began',
  'Our Standards: The Trust Principles.',
  'Reporting by {name}; Editing by {name2}',
  'Subscribe to get the latest updates in your inbox.',
  'Similar Articles',
  'Share this article',
  'Advertisement',
];

// Syllables for the long tail: names of vessels, streets, firms and products that each appear only a few times.
export const syllables = ['ka', 'lo', 'mer', 'tan', 'vi', 'dro', 'sel', 'ne', 'bar', 'tu', 'ris', 'om', 'ga', 'len', 'pi', 'cor', 'za', 'fen', 'ul', 'mo', 'dra', 'ven', 'sto', 'qui', 'ber', 'nal', 'ho', 'rin', 'tas', 'ly'];
