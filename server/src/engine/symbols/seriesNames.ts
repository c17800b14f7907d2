/**
 * Names of the UN document series and of the subsidiary bodies and components that appear inside symbols.
 * Sources: the UN Library's "United Nations Documentation: Research Guide — Document Symbols"
 * (research.un.org/en/docs/symbols) and the symbols of the documents themselves.
 */

/** Leading series of a symbol and the organ (or body) that issues it. */
export const SERIES_ORGANS: ReadonlyMap<string, string> = new Map([
	['A', 'General Assembly'],
	['S', 'Security Council'],
	['E', 'Economic and Social Council'],
	['ST', 'Secretariat'],
	['CCPR', 'Human Rights Committee'],
	['CERD', 'Committee on the Elimination of Racial Discrimination'],
	['CEDAW', 'Committee on the Elimination of Discrimination against Women'],
	['CRC', 'Committee on the Rights of the Child'],
	['CAT', 'Committee against Torture'],
	['CRPD', 'Committee on the Rights of Persons with Disabilities'],
	['CMW', 'Committee on Migrant Workers'],
	['CED', 'Committee on Enforced Disappearances'],
	['HRI', 'Human rights treaty bodies'],
	['DP', 'Executive Board of UNDP, UNFPA and UNOPS'],
	['UNEP', 'United Nations Environment Programme'],
	['TD', 'United Nations Conference on Trade and Development'],
	['SPLOS', 'Meeting of States Parties to the United Nations Convention on the Law of the Sea'],
	['FCCC', 'United Nations Framework Convention on Climate Change'],
	['UNW', 'Executive Board of UN-Women'],
]);

/** Secretariat issuance series written as two components ("ST/SGB/2003/13"). */
export const SECRETARIAT_ISSUANCES: ReadonlyMap<string, string> = new Map([
	['SGB', "Secretary-General's bulletin"],
	['AI', 'administrative instruction'],
	['IC', 'information circular'],
]);

const COMMITTEE_ORDINALS = ['', 'First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];

/** Commissions of the General Assembly, whose "CN" numbers differ from ECOSOC's. */
const ASSEMBLY_COMMISSIONS: Record<string, string> = {
	'CN.4': 'International Law Commission',
	'CN.9': 'United Nations Commission on International Trade Law',
	'CN.10': 'Disarmament Commission',
};

/** Functional commissions of the Economic and Social Council. */
const FUNCTIONAL_COMMISSIONS: Record<string, string> = {
	'CN.3': 'Statistical Commission',
	'CN.4': 'Commission on Human Rights',
	'CN.5': 'Commission for Social Development',
	'CN.6': 'Commission on the Status of Women',
	'CN.7': 'Commission on Narcotic Drugs',
	'CN.9': 'Commission on Population and Development',
	'CN.15': 'Commission on Crime Prevention and Criminal Justice',
	'CN.16': 'Commission on Science and Technology for Development',
	'CN.17': 'Commission on Sustainable Development',
	'CN.18': 'United Nations Forum on Forests',
};

const NAMED_BODIES: Record<string, string> = {
	HRC: 'Human Rights Council',
	BUR: 'General Committee',
	ICEF: 'Executive Board of UNICEF',
	B: 'Trade and Development Board',
	C: 'the Committee',
	GC: 'general comment',
	CO: 'concluding observations',
	D: 'decision on a communication',
	'Sub.2': 'Sub-Commission on the Promotion and Protection of Human Rights',
	'C.12': 'Committee on Economic, Social and Cultural Rights',
};

/**
 * The human name of a body component of a symbol in a series ("C.3" → "Third Committee"; "CN.4" → "Commission on
 * Human Rights" under E, "International Law Commission" under A); the component itself when unknown.
 */
export function bodyName(component: string, series: string): string {
	const committee = /^C\.([1-6])$/.exec(component);
	if (committee) {
		return `${COMMITTEE_ORDINALS[Number(committee[1])]} Committee`;
	}
	const commissions = series === 'A' ? ASSEMBLY_COMMISSIONS : series === 'E' ? FUNCTIONAL_COMMISSIONS : {};
	const known = commissions[component] ?? NAMED_BODIES[component] ?? SECRETARIAT_ISSUANCES.get(component);
	if (known !== undefined) {
		return known;
	}
	const numbered = /^(CONF|AC|WG|ES|S|EA|CN|PC)[.-](\d+)$/.exec(component);
	if (numbered) {
		const kind: Record<string, string> = {
			CONF: 'conference',
			AC: 'committee or subsidiary body',
			WG: 'working group',
			ES: 'emergency special session',
			S: 'special session',
			EA: 'session of the Environment Assembly',
			CN: 'functional commission',
			PC: 'preparatory committee',
		};
		return `${kind[numbered[1]]} ${numbered[2]} (${component})`;
	}
	return component;
}

/** Components marking a kind of document, with no value ("RES") or with one ("L.1", "PV.12"). */
export const SPECIAL_KINDS: ReadonlyMap<string, string> = new Map([
	['RES', 'resolution'],
	['DEC', 'decision'],
	['PRST', 'statement by the President of the Security Council'],
	['PV', 'provisional verbatim record'],
	['SR', 'summary record'],
	['L', 'limited distribution (draft)'],
	['INF', 'information series'],
	['CRP', 'conference room paper'],
	['WP', 'working paper'],
	['NGO', 'statement by a non-governmental organization'],
	['MISC', 'miscellaneous document'],
]);

/** Suffixes that chain after the document number ("Add.1", "Corr.2", "Rev.1", "Amend.1") and parenthesised parts. */
export const SUFFIX_KINDS: ReadonlyMap<string, string> = new Map([
	['Add', 'addendum'],
	['Corr', 'corrigendum'],
	['Rev', 'revision'],
	['Amend', 'amendment'],
	['Summary', 'summary'],
	['Vol', 'volume'],
	['Part', 'part'],
]);
