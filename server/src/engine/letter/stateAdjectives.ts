/**
 * The States of the record (and three observers) and the adjectives that name them attributively (`the Iranian Delegation`, `The British
 * Representative`, `the Soviet Government`), so that a heading or an opening that names its writer by such an adjective
 * gives the State as the reader reports it elsewhere.
 *
 * Sources:
 * - The demonyms (`demonyms.eng.m`) of the 193 Member States and the two observer States in mledoze/countries
 *   (github.com/mledoze/countries, countries.json, commit 5e9f370050f83ad2ba4cb885f75d66114badf72c, 27 April 2026;
 *   licence ODbL 1.0, opendatacommons.org/licenses/odbl/1-0/) - secondary. Our own table: the State names are the
 *   short names the reader reports for a title (`United States`, `United Kingdom`, `Iran`, `Russian Federation`,
 *   `Syrian Arab Republic`, the UN's short name without its bracketed part), not the data set's common names.
 * - The attributive forms a UN document uses beside the demonym (`Philippine`, `Argentine`, `Saudi`, `Netherlands`,
 *   `New Zealand`) and the historical States (`Soviet`, `Byelorussian`, `Yugoslav`, `Czechoslovak`, `Burmese` (Burma),
 *   `Ceylonese`, `Zairian`, `Siamese`, `Dahomeyan`, `Upper Voltan`, `Tanganyikan`) by the names they sat under in
 *   the Organization (the UN's Member States list, un.org/en/about-us/growth-in-un-membership) - inferred.
 * - Three intergovernmental observers that write through missions (the UN's list of observers,
 *   un.org/en/about-us/intergovernmental-and-other-organizations) - secondary.
 *
 * An adjective shared by two States (`Congolese`, `Dominican`, `Korean`, `Guinean` is not: `Equatorial Guinean` and
 * `Papua New Guinean` are longer names) names none: the reader never guesses.
 */

/** Each State as reported, with the adjectives (and attributive names beside its own) that name it. */
const STATES: readonly (readonly [state: string, ...adjectives: string[]])[] = [
	['Afghanistan', 'Afghan'], ['Albania', 'Albanian'], ['Algeria', 'Algerian'], ['Andorra', 'Andorran'],
	['Angola', 'Angolan'], ['Antigua and Barbuda', 'Antiguan'], ['Argentina', 'Argentine', 'Argentinian'],
	['Armenia', 'Armenian'], ['Australia', 'Australian'], ['Austria', 'Austrian'], ['Azerbaijan', 'Azerbaijani'],
	['Bahamas', 'Bahamian'], ['Bahrain', 'Bahraini'], ['Bangladesh', 'Bangladeshi'], ['Barbados', 'Barbadian'],
	['Belarus', 'Belarusian'], ['Belgium', 'Belgian'], ['Belize', 'Belizean'], ['Benin', 'Beninese'],
	['Bhutan', 'Bhutanese'], ['Bolivia', 'Bolivian'], ['Bosnia and Herzegovina', 'Bosnian'], ['Botswana', 'Botswanan'],
	['Brazil', 'Brazilian'], ['Brunei Darussalam', 'Bruneian'], ['Bulgaria', 'Bulgarian'], ['Burkina Faso', 'Burkinabe'],
	['Burundi', 'Burundian'], ['Cabo Verde', 'Cape Verdean', 'Cabo Verdean'], ['Cambodia', 'Cambodian'],
	['Cameroon', 'Cameroonian'], ['Canada', 'Canadian'], ['Central African Republic', 'Central African'], ['Chad', 'Chadian'],
	['Chile', 'Chilean'], ['China', 'Chinese'], ['Colombia', 'Colombian'], ['Comoros', 'Comoran', 'Comorian'],
	['Costa Rica', 'Costa Rican'], ['Côte d’Ivoire', 'Ivorian'], ['Croatia', 'Croatian'], ['Cuba', 'Cuban'],
	['Cyprus', 'Cypriot'], ['Czechia', 'Czech'], ['Denmark', 'Danish'], ['Djibouti', 'Djiboutian'],
	['Ecuador', 'Ecuadorian', 'Ecuadorean'], ['Egypt', 'Egyptian'], ['El Salvador', 'Salvadoran', 'Salvadorian'],
	['Equatorial Guinea', 'Equatorial Guinean'], ['Eritrea', 'Eritrean'], ['Estonia', 'Estonian'], ['Eswatini', 'Swazi'],
	['Ethiopia', 'Ethiopian'], ['Fiji', 'Fijian'], ['Finland', 'Finnish'], ['France', 'French'], ['Gabon', 'Gabonese'],
	['Gambia', 'Gambian'], ['Georgia', 'Georgian'], ['Germany', 'German'], ['Ghana', 'Ghanaian'], ['Greece', 'Greek'],
	['Grenada', 'Grenadian'], ['Guatemala', 'Guatemalan'], ['Guinea', 'Guinean'], ['Guinea-Bissau', 'Bissau-Guinean'],
	['Guyana', 'Guyanese'], ['Haiti', 'Haitian'], ['Holy See'], ['Honduras', 'Honduran'], ['Hungary', 'Hungarian'],
	['Iceland', 'Icelandic'], ['India', 'Indian'], ['Indonesia', 'Indonesian'], ['Iran', 'Iranian'], ['Iraq', 'Iraqi'],
	['Ireland', 'Irish'], ['Israel', 'Israeli'], ['Italy', 'Italian'], ['Jamaica', 'Jamaican'], ['Japan', 'Japanese'],
	['Jordan', 'Jordanian'], ['Kazakhstan', 'Kazakh', 'Kazakhstani'], ['Kenya', 'Kenyan'], ['Kiribati'],
	['Kuwait', 'Kuwaiti'], ['Kyrgyzstan', 'Kyrgyz'], ['Lao People’s Democratic Republic', 'Lao', 'Laotian'],
	['Latvia', 'Latvian'], ['Lebanon', 'Lebanese'], ['Lesotho'], ['Liberia', 'Liberian'], ['Libya', 'Libyan'],
	['Liechtenstein'], ['Lithuania', 'Lithuanian'], ['Luxembourg'], ['Madagascar', 'Malagasy'], ['Malawi', 'Malawian'],
	['Malaysia', 'Malaysian'], ['Maldives', 'Maldivian'], ['Mali', 'Malian'], ['Malta', 'Maltese'], ['Marshall Islands'],
	['Mauritania', 'Mauritanian'], ['Mauritius', 'Mauritian'], ['Mexico', 'Mexican'], ['Micronesia', 'Micronesian'],
	['Monaco', 'Monegasque'], ['Mongolia', 'Mongolian'], ['Montenegro', 'Montenegrin'], ['Morocco', 'Moroccan'],
	['Mozambique', 'Mozambican'], ['Myanmar'], ['Namibia', 'Namibian'], ['Nauru', 'Nauruan'], ['Nepal', 'Nepalese', 'Nepali'],
	['Netherlands', 'Dutch'], ['New Zealand'], ['Nicaragua', 'Nicaraguan'], ['Niger', 'Nigerien'], ['Nigeria', 'Nigerian'],
	['North Macedonia'], ['Norway', 'Norwegian'], ['Oman', 'Omani'], ['Pakistan', 'Pakistani'], ['Palau', 'Palauan'],
	['Palestine', 'Palestinian'], ['Panama', 'Panamanian'], ['Papua New Guinea', 'Papua New Guinean'],
	['Paraguay', 'Paraguayan'], ['Peru', 'Peruvian'], ['Philippines', 'Philippine', 'Filipino'], ['Poland', 'Polish'],
	['Portugal', 'Portuguese'], ['Qatar', 'Qatari'], ['Republic of Moldova', 'Moldovan'], ['Romania', 'Romanian'],
	['Russian Federation', 'Russian'], ['Rwanda', 'Rwandan'], ['Saint Kitts and Nevis'], ['Saint Lucia', 'Saint Lucian'],
	['Saint Vincent and the Grenadines'], ['Samoa', 'Samoan'], ['San Marino', 'Sammarinese'],
	['Sao Tome and Principe'], ['Saudi Arabia', 'Saudi', 'Saudi Arabian'], ['Senegal', 'Senegalese'],
	['Serbia', 'Serbian'], ['Seychelles'], ['Sierra Leone', 'Sierra Leonean'], ['Singapore', 'Singaporean'],
	['Slovakia', 'Slovak'], ['Slovenia', 'Slovene', 'Slovenian'], ['Solomon Islands'], ['Somalia', 'Somali'],
	['South Africa', 'South African'], ['South Sudan', 'South Sudanese'], ['Spain', 'Spanish'], ['Sri Lanka', 'Sri Lankan'],
	['Sudan', 'Sudanese'], ['Suriname', 'Surinamese'], ['Sweden', 'Swedish'], ['Switzerland', 'Swiss'],
	['Syrian Arab Republic', 'Syrian'], ['Tajikistan', 'Tajik'], ['Thailand', 'Thai'], ['Timor-Leste', 'Timorese'],
	['Togo', 'Togolese'], ['Tonga', 'Tongan'], ['Trinidad and Tobago'], ['Tunisia', 'Tunisian'], ['Türkiye', 'Turkish'], ['Turkey'],
	['Turkmenistan', 'Turkmen'], ['Tuvalu', 'Tuvaluan'], ['Uganda', 'Ugandan'], ['Ukraine', 'Ukrainian'],
	['United Arab Emirates', 'Emirati'], ['United Kingdom', 'British'], ['United Republic of Tanzania', 'Tanzanian'],
	['United States', 'American'], ['Uruguay', 'Uruguayan'], ['Uzbekistan', 'Uzbek'], ['Vanuatu'], ['Venezuela', 'Venezuelan'],
	['Viet Nam', 'Vietnamese'], ['Yemen', 'Yemeni'], ['Zambia', 'Zambian'], ['Zimbabwe', 'Zimbabwean'],
	// States of the record that no longer sit under these names.
	['Union of Soviet Socialist Republics', 'Soviet'], ['Byelorussian Soviet Socialist Republic', 'Byelorussian'],
	['Yugoslavia', 'Yugoslav', 'Yugoslavian'], ['Czechoslovakia', 'Czechoslovak', 'Czechoslovakian'],
	['United Arab Republic'], ['Zaire', 'Zairian', 'Zairean'], ['Burma', 'Burmese'], ['Ceylon', 'Ceylonese'],
	['Siam', 'Siamese'], ['Dahomey', 'Dahomeyan'], ['Upper Volta', 'Upper Voltan'], ['Tanganyika', 'Tanganyikan'],
	['Democratic Kampuchea', 'Kampuchean'], ['Libyan Arab Jamahiriya'],
	// Intergovernmental observers whose missions write as a State's do (un.org/en/about-us/intergovernmental-and-other-organizations).
	['European Union'], ['African Union'], ['League of Arab States'],
];

/** Adjectives shared by two States of the record: they name neither. */
const SHARED = ['Congolese', 'Dominican', 'Korean'];

/** Each State's name, its other attributive names and its adjectives, lower-cased, to the name the reader reports; a shared adjective to `null`. */
const STATE_OF: ReadonlyMap<string, string | null> = new Map<string, string | null>([
	...STATES.flatMap(([state, ...adjectives]) => [state, ...adjectives].map((word) => [word.toLowerCase(), state] as const)),
	...SHARED.map((word) => [word.toLowerCase(), null] as const),
	// The Congos, the Koreas and the Dominican Republic under their own names.
	...['Congo', 'Democratic Republic of the Congo', 'Republic of Korea', 'Democratic People’s Republic of Korea', 'Dominica', 'Dominican Republic']
		.map((state) => [state.toLowerCase(), state] as const),
]);

/**
 * Adjectives whose State depends on the year: before the Russian Federation continued the USSR's membership
 * (24 December 1991), `Russian` named the Soviet Union; while two German States (1949 to their unification on
 * 3 October 1990), two Yemens (1967 to 22 May 1990) or two Viet Nams (1954 to 2 July 1976) existed, the adjective names
 * neither (un.org/en/about-us/growth-in-un-membership, the notes on the Russian Federation, Germany, Yemen and
 * Viet Nam - secondary). Each period is `[from year, to year, State or null]`, years inclusive; a year outside every
 * period, or an unknown year, gives the State of the table above.
 */
const PERIODS: ReadonlyMap<string, readonly (readonly [from: number, to: number, state: string | null])[]> = new Map([
	['russian', [[1917, 1991, 'Union of Soviet Socialist Republics']]],
	['german', [[1949, 1990, null]]],
	['yemeni', [[1967, 1990, null]]],
	['vietnamese', [[1954, 1976, null]]],
]);

/**
 * The State a name standing before a post names (`Iranian` → `Iran`, `Dutch` and `Netherlands` → `Netherlands`,
 * `Soviet` → `Union of Soviet Socialist Republics`, `United States` → `United States`) in a letter of `year` (the
 * letter's own year when known: `Russian` in 1960 is the Soviet Union's, `German` in 1980 names neither German State);
 * `undefined` for a word that is neither a State nor a known adjective, or an adjective two States share.
 */
export function stateNamedBy(name: string, year?: number): string | undefined {
	const key = name.replace(/^the\s+/i, '').replace(/\s+/g, ' ').replace(/'/g, '’').toLowerCase();
	const period = year === undefined ? undefined : PERIODS.get(key)?.find(([from, to]) => year >= from && year <= to);
	return (period ? period[2] : STATE_OF.get(key)) ?? undefined;
}
