/**
 * Who the branch history's consumers are: Kenyan first, middle and family
 * names, estates and roads of a town's service area, phone numbers and
 * e-mail addresses, and a few businesses among the commercial accounts.
 */

export interface Person {
  name: string;
  serviceAddress: string;
  phone: string;
  email: string;
}

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export function personOf(random: Random, n: number, commercial: boolean): Person {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, FAMILY_NAMES);
  const middle = random() < 0.35 ? pick(random, MIDDLE_NAMES) : null;
  const business = commercial && random() < 0.6 ? businessName(random, first, last) : null;
  const name = business ?? (middle ? `${first} ${middle} ${last}` : `${first} ${last}`);
  const street = pick(random, ROADS);
  const estate = pick(random, ESTATES);
  const serviceAddress = random() < 0.5 ? `Plot ${1 + Math.floor(random() * 900)}, ${street}, ${estate}` : `House ${1 + Math.floor(random() * 400)}${pick(random, ['', 'A', 'B', 'C'])}, ${estate}`;
  const phone = `+254 ${pick(random, ['7', '7', '7', '1'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
  const handle = (business ? last : `${first}.${last}`).toLowerCase().replace(/[^a-z.]/g, '');
  const email = `${handle}${n % 1000}@${pick(random, MAIL_DOMAINS)}`;
  return { name, serviceAddress, phone, email };
}

function businessName(random: Random, first: string, last: string): string {
  switch (Math.floor(random() * 6)) {
    case 0:
      return `${last} Enterprises`;
    case 1:
      return `${last} Hardware`;
    case 2:
      return `${first} ${last} & Sons`;
    case 3:
      return `Mama ${first} Hotel`;
    case 4:
      return `${pick(random, ESTATES)} ${pick(random, ['Primary School', 'Dispensary', 'Butchery', 'Supermarket', 'Car Wash'])}`;
    default:
      return `${last} Investments Ltd`;
  }
}

const FIRST_NAMES = [
  'John', 'Peter', 'James', 'Joseph', 'David', 'Daniel', 'Samuel', 'Stephen', 'Paul', 'Michael', 'George', 'Brian', 'Kevin', 'Dennis',
  'Collins', 'Victor', 'Eric', 'Felix', 'Francis', 'Charles', 'Patrick', 'Anthony', 'Moses', 'Isaac', 'Simon', 'Martin', 'Geoffrey',
  'Kennedy', 'Evans', 'Wilson', 'Alex', 'Ian', 'Mark', 'Timothy', 'Benson', 'Duncan', 'Edwin', 'Nelson', 'Philip', 'Vincent', 'Mary',
  'Grace', 'Faith', 'Esther', 'Ruth', 'Jane', 'Lucy', 'Ann', 'Joyce', 'Nancy', 'Mercy', 'Caroline', 'Catherine', 'Elizabeth', 'Margaret',
  'Susan', 'Sarah', 'Rose', 'Agnes', 'Beatrice', 'Purity', 'Winnie', 'Sharon', 'Diana', 'Eunice', 'Gladys', 'Irene', 'Janet', 'Judith',
  'Lilian', 'Millicent', 'Naomi', 'Pauline', 'Rebecca', 'Teresa', 'Violet', 'Brenda', 'Cynthia', 'Dorcas', 'Emily', 'Wanjiru', 'Akinyi',
  'Achieng', 'Atieno', 'Njeri', 'Wambui', 'Nyambura', 'Chebet', 'Jepkosgei', 'Kerubo', 'Moraa', 'Nafula', 'Naliaka', 'Mumbua', 'Mwende',
  'Zawadi', 'Baraka', 'Kiprono', 'Kipchoge', 'Juma', 'Hassan', 'Ali', 'Omar', 'Abdi', 'Fatuma', 'Amina', 'Halima', 'Mohamed', 'Yusuf',
  'Said', 'Salim', 'Rashid', 'Khadija', 'Zainab', 'Kamande', 'Wairimu', 'Njoki', 'Awuor', 'Anyango',
] as const;

const MIDDLE_NAMES = [
  'Wanjiru', 'Wanjiku', 'Njeri', 'Wambui', 'Nyokabi', 'Wairimu', 'Muthoni', 'Nduta', 'Akinyi', 'Atieno', 'Adhiambo', 'Awino', 'Anyango',
  'Chebet', 'Jeptoo', 'Chepkemoi', 'Nafula', 'Nekesa', 'Mumbua', 'Mwikali', 'Kamau', 'Mwangi', 'Kariuki', 'Otieno', 'Ochieng', 'Kiprotich',
  'Kipkorir', 'Wafula', 'Mutua', 'Mutuku', 'Kioko', 'Onyango',
] as const;

const FAMILY_NAMES = [
  'Kamau', 'Mwangi', 'Njoroge', 'Kariuki', 'Maina', 'Kimani', 'Wanjiku', 'Githinji', 'Macharia', 'Ndungu', 'Mugo', 'Gitau', 'Waweru',
  'Karanja', 'Muriuki', 'Ngugi', 'Wafula', 'Wekesa', 'Barasa', 'Simiyu', 'Wanyama', 'Masinde', 'Nyongesa', 'Juma', 'Otieno', 'Odhiambo',
  'Ochieng', 'Onyango', 'Omondi', 'Okoth', 'Owino', 'Oduor', 'Ouma', 'Awino', 'Adhiambo', 'Kiprop', 'Kipkemboi', 'Koech', 'Rotich',
  'Kirui', 'Langat', 'Cheruiyot', 'Kiptoo', 'Korir', 'Mutai', 'Kiprotich', 'Chepkoech', 'Kosgei', 'Ruto', 'Mutua', 'Musyoka', 'Mutiso',
  'Kioko', 'Muthama', 'Mwendwa', 'Nzioka', 'Wambua', 'Ndambuki', 'Kilonzo', 'Nyamweya', 'Ongeri', 'Mogaka', 'Nyaboke', 'Momanyi', 'Ombati',
  'Makori', 'Hassan', 'Mohamed', 'Ali', 'Abdullahi', 'Ahmed', 'Omar', 'Salim', 'Bakari', 'Mwinyi', 'Chai', 'Kahindi', 'Baya', 'Karisa',
  'Kazungu', 'Mwamburi', 'Lekishon', 'Lemayian', 'Sankale', 'Ekai', 'Lokol', 'Ngeno', 'Kiplagat', 'Sang', 'Biwott', 'Tanui', 'Muthoni',
  'Nduta', 'Wachira', 'Gachanja', 'Njenga', 'Kinyua', 'Mbugua', 'Ndirangu', 'Chege', 'Kuria', 'Mwaura', 'Nyaga', 'Njiru', 'Wasike',
  'Namusasi', 'Were', 'Opiyo', 'Oloo', 'Obura', 'Akello', 'Atieno', 'Kibet', 'Chelimo',
] as const;

const ESTATES = [
  'Kahawa West', 'Githurai 45', 'Umoja II', 'Kayole', 'Donholm', 'Buruburu', 'Embakasi', 'Ruiru Town', 'Kasarani', 'Zimmerman', 'Roysambu',
  'Kariobangi South', 'Pipeline', 'Tassia', 'Utawala', 'Mwiki', 'Ngara', 'Pangani', 'Eastleigh', 'South B', 'South C', 'Langata',
  'Kibera Olympic', 'Rongai', 'Kitengela', 'Syokimau', 'Juja', 'Thika Makongeni', 'Kikuyu Town', 'Kawangware',
] as const;

const ROADS = [
  'Moi Avenue', 'Kenyatta Road', 'Thika Road', 'Jogoo Road', 'Outering Road', 'Kangundo Road', 'Mombasa Road', 'Ngong Road', 'Kiambu Road',
  'Magadi Road', 'Station Road', 'Hospital Road', 'Market Lane', 'Church Road', 'Eastern Bypass', 'Mumias Road',
] as const;

const MAIL_DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'example.co.ke'] as const;
