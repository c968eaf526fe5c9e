package org.peel.synthetic;

import java.util.List;
import java.util.Map;

/**
 * Name frequency lists for a UK population, most common first, drawn with Zipf-like weights so common names
 * are very common and rare ones rare (which is what makes "John Smith" hard for identity resolution).
 * Composed for this generator from the familiar shape of UK name frequencies; not a copy of any register.
 */
final class Names {

    private Names() {
    }

    static final List<String> SURNAMES = List.of((
            "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright "
            + "Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill "
            + "Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker "
            + "Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy "
            + "Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman "
            + "Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight "
            + "Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher "
            + "Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks "
            + "West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry "
            + "Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr "
            + "Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson "
            + "Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry Burgess "
            + "Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton "
            + "McDonald Yates Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss McCarthy Chambers "
            + "O'Neill Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle Wallace George Jordan "
            + "Hutchinson Rahman Mohamed Hassan Ibrahim Okafor Mensah Osei Adeyemi Okonkwo Nowak Kowalski Nguyen Chen "
            + "Wang Yilmaz Demir Kaya Silva Santos Pereira Costa Rossi Ferrari Papadopoulos Murray Mahmood Iqbal "
            + "Akhtar Choudhury Uddin Miah Islam Sharma Kumar Joshi Mistry Chauhan Thakkar Varga Novak Horvat "
            + "Popescu Ionescu Petrov Ivanova Kozlov Dlamini Mohammed Abdi Farah Warsame Haji Begum Bibi Nwosu Boateng "
            + "Asante Owusu Appiah Campbell-Brown Fitzgerald Gallagher Quinn Brennan Kavanagh Donnelly Hegarty Whelan "
            + "Ashworth Blackburn Crowther Dobson Entwistle Fairclough Greenwood Haworth Ingram Jarvis Kershaw Lomax "
            + "Metcalfe Nuttall Ormerod Pickering Rigby Sowerby Thornton Usher Varley Whitworth Yardley Zielinski "
            + "Abbott Bancroft Catterall Dewhurst Eccleston Fothergill Garside Hebblethwaite Illingworth Jagger "
            + "Kitching Longbottom Mottershead Naylor Oddie Pilkington Quarmby Rushworth Satterthwaite Tattersall "
            + "Umpleby Verity Wolstenholme Ackroyd Brierley Clegg Duckworth Eastwood Farrar Gaukroger Holroyd").split(" "));

    static final List<String> MALE_FORENAMES = List.of((
            "David John Michael Paul Andrew Mark James Robert Richard Peter Stephen Christopher Daniel Thomas William "
            + "Anthony Matthew Ian Simon Gary Mohammed Joseph Steven Kevin Jonathan Alan Brian Martin Kenneth George "
            + "Oliver Harry Jack Charlie Jacob Alfie Samuel Joshua Benjamin Edward Adam Ryan Luke Liam Nathan Jamie "
            + "Lewis Callum Connor Kieran Dean Craig Lee Darren Wayne Jason Carl Shaun Nicholas Philip Graham Keith "
            + "Raymond Roy Derek Colin Terence Frank Arthur Ali Ahmed Muhammad Omar Hassan Yusuf Ibrahim Abdul Imran "
            + "Raj Sanjay Arjun Ravi Kwame Kofi Chukwuemeka Emeka Oluwaseun Tunde Piotr Tomasz Marek Andrei Ion "
            + "Florin Ricardo Marco Luca Alexander Henry Leo Noah Oscar Archie Theo Freddie Reuben Isaac Toby Dylan "
            + "Tyler Reece Jordan Kai Ethan Mason Logan Riley Aaron Bradley").split(" "));

    static final List<String> FEMALE_FORENAMES = List.of((
            "Sarah Elizabeth Margaret Susan Helen Emma Claire Karen Julie Patricia Jennifer Catherine Nicola Lisa "
            + "Michelle Amanda Rachel Jessica Laura Rebecca Hannah Sophie Charlotte Emily Olivia Amelia Isla Ava Mia "
            + "Grace Lily Chloe Ella Lucy Katie Megan Amy Jade Gemma Kerry Donna Tracey Joanne Samantha Louise Natalie "
            + "Victoria Jacqueline Christine Janet Linda Barbara Dorothy Joan Pauline Sandra Carol Angela Deborah "
            + "Fatima Aisha Ayesha Maryam Zainab Noor Amina Sadia Nasreen Shabana Priya Anjali Sunita Kiran Neha "
            + "Abena Ama Chioma Ngozi Funmilayo Adaeze Agnieszka Katarzyna Magdalena Ioana Elena Maria Ana Giulia "
            + "Freya Poppy Evie Isabella Sophia Florence Alice Ruby Daisy Phoebe Ellie Millie Holly Courtney Shannon "
            + "Danielle Stacey Leanne Kirsty Hayley Zoe Abigail Bethany Georgia Kayleigh Rosie Paige Tia Demi").split(" "));

    /** Formal forename → names people are recorded under instead. */
    static final Map<String, List<String>> NICKNAMES = Map.ofEntries(
            Map.entry("William", List.of("Bill", "Will", "Billy", "Liam")),
            Map.entry("Robert", List.of("Bob", "Rob", "Bobby", "Robbie")),
            Map.entry("Richard", List.of("Rick", "Dick", "Rich", "Richie")),
            Map.entry("James", List.of("Jim", "Jimmy", "Jamie")),
            Map.entry("John", List.of("Jon", "Johnny", "Jack")),
            Map.entry("Michael", List.of("Mike", "Mick", "Micky")),
            Map.entry("David", List.of("Dave", "Davey")),
            Map.entry("Andrew", List.of("Andy", "Drew")),
            Map.entry("Anthony", List.of("Tony", "Ant")),
            Map.entry("Christopher", List.of("Chris", "Kit")),
            Map.entry("Daniel", List.of("Dan", "Danny")),
            Map.entry("Thomas", List.of("Tom", "Tommy")),
            Map.entry("Matthew", List.of("Matt")),
            Map.entry("Stephen", List.of("Steve", "Stevie", "Steven")),
            Map.entry("Steven", List.of("Steve", "Stephen")),
            Map.entry("Joseph", List.of("Joe", "Joey")),
            Map.entry("Kenneth", List.of("Ken", "Kenny")),
            Map.entry("Nicholas", List.of("Nick", "Nicky")),
            Map.entry("Jonathan", List.of("Jon", "Jonny")),
            Map.entry("Edward", List.of("Ed", "Eddie", "Ted")),
            Map.entry("Benjamin", List.of("Ben", "Benny")),
            Map.entry("Samuel", List.of("Sam", "Sammy")),
            Map.entry("Alexander", List.of("Alex", "Sandy")),
            Map.entry("Joshua", List.of("Josh")),
            Map.entry("Terence", List.of("Terry")),
            Map.entry("Raymond", List.of("Ray")),
            Map.entry("Frank", List.of("Frankie")),
            Map.entry("Henry", List.of("Harry", "Hal")),
            Map.entry("Frederick", List.of("Fred", "Freddie")),
            Map.entry("Philip", List.of("Phil")),
            Map.entry("Mohammed", List.of("Mohammad", "Mohamed", "Muhammad", "Mo")),
            Map.entry("Muhammad", List.of("Mohammed", "Mohamed", "Mo")),
            Map.entry("Margaret", List.of("Maggie", "Peggy", "Meg", "Marge")),
            Map.entry("Elizabeth", List.of("Liz", "Beth", "Lizzie", "Betty", "Eliza")),
            Map.entry("Catherine", List.of("Cathy", "Kate", "Katie", "Kathryn")),
            Map.entry("Jennifer", List.of("Jenny", "Jen")),
            Map.entry("Patricia", List.of("Pat", "Trish", "Patsy")),
            Map.entry("Susan", List.of("Sue", "Suzy")),
            Map.entry("Rebecca", List.of("Becky", "Becca")),
            Map.entry("Samantha", List.of("Sam", "Sammy")),
            Map.entry("Victoria", List.of("Vicky", "Tori")),
            Map.entry("Jacqueline", List.of("Jackie", "Jacqui")),
            Map.entry("Deborah", List.of("Debbie", "Deb")),
            Map.entry("Christine", List.of("Chris", "Chrissie")),
            Map.entry("Nicola", List.of("Nicky", "Nikki")),
            Map.entry("Jessica", List.of("Jess", "Jessie")),
            Map.entry("Abigail", List.of("Abby", "Abi")),
            Map.entry("Charlotte", List.of("Charlie", "Lottie")),
            Map.entry("Isabella", List.of("Bella", "Izzy")),
            Map.entry("Dorothy", List.of("Dot", "Dolly")),
            Map.entry("Barbara", List.of("Barb", "Babs")),
            Map.entry("Pauline", List.of("Paula")),
            Map.entry("Fatima", List.of("Fatimah", "Fatma")),
            Map.entry("Aisha", List.of("Ayesha", "Aysha")),
            Map.entry("Katarzyna", List.of("Kasia")),
            Map.entry("Magdalena", List.of("Magda")));

    static final List<String> STREET_STEMS = List.of((
            "Church Station Victoria Park Green Manor Kings Queens Grove Mill High Albert Elm Oak Beech Cedar Windsor "
            + "York Richmond Clarence Alexandra Stanley Springfield Highfield Meadow Orchard Chestnut Willow Ash "
            + "Hawthorn Lime Maple Holly Rose Sandringham Balmoral Marlborough Cromwell Nelson Wellington Trafalgar "
            + "Waterloo Jubilee Coronation Southgate Northfield Westfield Eastfield Brook River Bridge Canal Chapel "
            + "Abbey Priory Vicarage Rectory School College Market Castle Tower Hill Valley Forest Heath Common "
            + "Cranbrook Ashford Belmont Carlton Denmark Dunstan Ferndale Gladstone Granville Hamilton Hartington "
            + "Kimberley Lansdowne Melbourne Milton Norfolk Oxford Cambridge Palmerston Percy Salisbury Shakespeare "
            + "Tennyson Wordsworth Stanhope Tavistock Warwick Whitehall Wilton Woodland Woodside Beaconsfield").split(" "));

    static final List<String> STREET_SUFFIXES = List.of(
            "Road", "Street", "Avenue", "Close", "Lane", "Gardens", "Way", "Crescent", "Place", "Drive", "Grove",
            "Court", "Terrace", "Walk", "Mews", "Rise");
}
