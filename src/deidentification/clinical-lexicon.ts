/**
 * More clinical vocabulary that English word lists lack and that is capitalized in notes: brand and generic
 * drugs, organisms, devices, procedures, scores and eponyms. Written for this project (see data/LICENSES.md).
 * Lowercase, whitespace-separated; hyphenated forms are listed whole.
 */

/** Brand names of drugs (North American), as clinicians write them. */
export const BRAND_DRUGS = `
zosyn tazocin unasyn timentin merrem invanz primaxin teflaro zerbaxa avycaz vabomere fetroja zyvox sivextro
cubicin dalvance orbactiv vibativ tygacil minocin vibramycin doryx solodyn dynacin cleocin dalacin bactroban
fucidin polysporin neosporin ciloxan vigamox zymar ocuflox tobradex maxitrol blephamide pred forte
duoneb xopenex combivent alvesco asmanex arnuity dulera zenhale incruse anoro stiolto ultibro seebri onbrez
tudorza duaklir bevespi breztri enerzair atectura striverdi serevent foradil oxeze bricanyl
solu-medrol solu-cortef depo-medrol kenalog celestone pediapred orapred millipred entocort uceris cortenema
precedex diprivan levophed neo-synephrine vasostrict giapreza adrenalin dobutrex primacor nipride tridil
cleviprex cardene brevibloc vasotec zestril prinivil accupril lotensin mavik coversyl tritace monopril
atacand teveten hyzaar vaseretic zestoretic lotrel exforge azor tribenzor twynsta caduet inegy vytorin
nexletol nexlizet leqvio vascepa lovaza tricor lipidil lopid welchol questran colestid niaspan
adalat procardia plendil sular isoptin calan covera tiazac dilacor imdur ismo nitro-dur nitrostat
ranexa corlanor digoxin pacerone cordarone rythmol tambocor betapace sotacor tikosyn norpace
demadex bumex edecrin zaroxolyn microzide hydrodiuril dyazide maxzide midamor aldactazide
kayexalate veltassa lokelma renvela renagel phoslo fosrenol velphoro sensipar parsabiv zemplar rocaltrol
calcijex hectorol one-alpha aranesp mircera retacrit procrit
k-dur slow-k micro-k klor-con
glyburide diabeta amaryl glucotrol diamicron starlix prandin gluconorm actos avandia onglyza tradjenta
nesina jentadueto kombiglyze kazano xigduo synjardy invokamet segluromet steglujan qtern glyxambi
adlyxin bydureon byetta tanzeum ozempic soliqua xultophy toujeo semglee rezvoglar admelog lyumjev fiasp
afrezza trurapi kirsty entuzity
levoxyl unithroid tirosint cytomel armour thyrogen propylthiouracil
prolia xgeva evista fortical miacalcin tymlos boniva atelvia binosto didronel
paxil-cr effexor-xr wellbutrin-xl trintellix brintellix viibryd fetzima auvelity spravato zulresso
emsam nardil parnate marplan anafranil tofranil norpramin pamelor aventyl sinequan silenor surmontil
buspar vistaril atarax lunesta sonata rozerem dayvigo quviviq halcion dalmane mogadon serax
tranxene librium seroquel-xr saphris fanapt vraylar caplyta geodon invega-sustenna aristada abilify-maintena
risperdal-consta perseris uzedy zyprexa-relprevv loxapac loxitane navane stelazine trilafon moditen
modecate fluanxol clopixol orap nuplazid austedo ingrezza xenazine tetrabenazine
namenda aricept exelon razadyne reminyl leqembi aduhelm kisunla
sinemet stalevo rytary duopa comtan ongentys tasmar azilect xadago eldepryl zelapar mirapex requip
neupro apokyn kynmobi symmetrel gocovri osmolex artane cogentin nourianz inbrija
tegretol-xr carbatrol equetro oxtellar aptiom fycompa banzel sabril xcopri diacomit epidiolex fintepla
ztalmy zarontin mysoline phenobarb gabitril felbatol potiga nayzilam valtoco
imitrex-statdose zomig relpax amerge axert frova treximet reyvow elyxyb zavzpret cafergot d.h.e.
ubrelvy nurtec qulipta vyepti aimovig ajovy emgality
butrans belbuca zubsolv bunavail probuphine vivitrol revia lucemyra chantix champix zyban nicorette
nicoderm habitrol
oxyneo hydromorph-contin hysingla zohydro nucynta jurnista statex m-eslon ms-contin kadian avinza
demerol talwin sublimaze duragesic actiq abstral fentora subsys ultracet tramacet durela ralivia zytram
tylenol-3 tylenol#3 empracet percodan endocet roxicet vicodin norco lortab
celebrex arthrotec vimovo duexis anaprox naprelan feldene indocin tivorbex zorvolex cambia pennsaid
flexeril amrix lioresal gablofen zanaflex skelaxin robaxin soma parafon norflex dantrium
lyrica-cr gralise horizant
nexium-24hr tecta dexilant aciphex pariet zegerid prilosec axid carafate sulcrate cytotec
reglan metonia motilium domperidone zofran gravol diclectin bonjesta marinol cesamet syndros emend akynzeo
varubi sancuso anzemet aloxi kytril
linzess constella amitiza trulance motegrity resotran relistor movantik symproic
pegalax lax-a-day peglyte golytely colyte nulytely moviprep plenvu suprep pico-salax
asacol mezavant lialda pentasa salofalk dipentum colazal azulfidine salazopyrin entocort-ec uceris
zeposia velsipity omvoh skyrizi-iv tremfya
xifaxan zinplava dificid vancocin firvanq
ursodiol urso actigall ocaliva iqirvo livdelzi
spironolactone-hctz
humira-cf amjevita hadlima hyrimoz yuflyma abrilada cyltezo idacio simlandi hulio
inflectra renflexis avsola ixifi remsima zymfentra
rituxan-hycela truxima ruxience riabni
orencia kevzara actemra tofidence tyenne kineret ilaris arcalyst
olumiant cibinqo litfulo sotyktu leqselvi
benlysta saphnelo lupkynis
otezla-xr ilumya bimzelx siliq spevigo
adbry ebglyss nemluvio opzelura eucrisa protopic elidel vtama zoryve
accutane epuris clarus absorica aczone differin tazorac arazlo winlevi aklief
xolair-pfs tezspire-pen
krystexxa zurampic mitigare
ilaris-sc
cosentyx-iv
wakix sunosi xyrem xywav lumryz provigil alertec nuvigil
qelbree jornay azstarys dyanavel adzenys cotempla evekeo zenzedi dexedrine focalin metadate daytrana
quillichew relexxii kapvay
methergine hemabate prepidil cervidil cytotec carboprost syntocinon pitocin duratocin
makena prometrium-vag crinone endometrin utrogesterone
orilissa oriahnn myfembree visanne
yaz-plus alysena aviane seasonique lolo slynd nextstellis annovera nuvaring evra xulane twirla
plan-b ella norlevo
estrogel divigel vivelle estradot climara oesclim vagifem imvexxy estring femring intrarosa osphena
duavive bijuva activella angeliq
veozah
xiaflex
proscar-5 jalyn
cialis-daily stendra
botox-cosmetic dysport xeomin daxxify myobloc
restylane juvederm
mounjaro-kwikpen zepbound-vial
saxenda-pen contrave qsymia xenical alli imcivree
cuvitru hizentra gammagard privigen octagam gamunex panzyga hyqvia xembify cutaquig
advate adynovate eloctate altuprist hemlibra alprolix idelvion rebinyn benefix novoseven feiba
wilate humate-p
cablivi
praxbind kcentra octaplex beriplex andexxa ondexxya
cyklokapron
epclusa vosevi zepatier maviret
biktarvy symtuza prezcobix prezista evotaz reyataz isentress tivicay juluca cabenuva vocabria apretude
sunlenca trogarzo rukobia odefsey complera eviplera atripla stribild delstrigo pifeltro edurant intelence
kaletra norvir tybost
veklury lagevrio xofluza relenza rapivab
valcyte cytovene prevymis livtencity foscavir vistide
cresemba noxafil posanol ambisome abelcet fungizone eraxis mycamine rezzayo brexafemme lamisil
mycostatin nilstat canesten monistat gyne-lotrimin lotrimin terazol
stromectol albenza vermox combantrin biltricide krintafel coartem malarone primaquine lariam daraprim
arakoda
priftin rifadin rimactane myambutol trecator sirturo pretomanid
sulfatrim pediazole septra-ds bactrim-ds
pradaxa-pellets
coumadin-sodium
xarelto-starter
savaysa-lixiana lixiana
brilique
aggrenox persantine pletal trental
kengreal
retavase
keytruda-sc opdualag libtayo jemperli zynyz loqtorzi bavencio
tecvayli elrexfio talvey columvi epkinly lunsumio blincyto kymriah yescarta tecartus breyanzi abecma carvykti
adcetris polivy padcev trodelvy tivdak elahere zynlonta besponsa mylotarg
lynparza zejula rubraca talzenna
tukysa nerlynx tykerb
piqray truqap orserdu itovebi
lenvima nexavar stivarga sutent inlyta cabometyx votrient fotivda welireg
tafinlar mekinist braftovi mektovi cotellic zelboraf
lorbrena alunbrig zykadia
retevmo gavreto tabrecta tepmetko
lumakras krazati
rybrevant lazcluze gilotrif iressa tarceva vizimpro
jakafi inrebic vonjo ojjaara
imbruvica-tab brukinsa jaypirca
venclexta-pak
idhifa tibsovo rezlidhia xospata vanflyta rydapt daurismo onureg vidaza dacogen inqovi
xpovio ninlaro farydak sarclisa empliciti
hydrea droxia siklos oxbryta adakveo endari
promacta revolade doptelet mulpleta nplate tavalisse
soliris-iv
exjade jadenu ferriprox desferal
feramax ferrlecit infed injectafer
neulasta-onpro udenyca fulphila ziextenzo nyvepria rolvedon granix zarxio nivestym releuko
leucovorin fusilev khapzory
mesnex zinecard totect elitek
marqibo oncaspar asparlas rylaze erwinase
temodar temodal gliadel
xeloda lonsurf
gemzar navelbine halaven taxotere abraxane jevtana ixempra
alimta folotyn
cytoxan procytox ifex treanda bendeka belrapzo leukeran alkeran myleran
cisplatin paraplatin eloxatin
adriamycin doxil caelyx ellence idamycin cerubidine vyxeos
velban oncovin
hycamtin camptosar onivyde
etopophos vepesid
mitomycin jelmyto zusduri
faslodex
nolvadex
casodex eulexin nilandron orgovyx camcevi trelstar decapeptyl suprefact
megace provera-oral
sandostatin somatuline signifor isturisa recorlev korlym
egrifta serostim genotropin humatrope norditropin nutropin omnitrope saizen zomacton sogroya skytrofa
ngenla
increlex
dostinex
firmagon-sc
desmopressin ddavp nocdurna noctiva
samsca jynarque
florinef
cortef
natpara yorvipath
strensiq
crysvita
evkeeza juxtapid
`;

/** Generic drug names that English word lists lack and that drug stems do not already cover. */
export const GENERIC_DRUGS = `
piperacillin tazobactam pip-tazo piptazo vancomycin vanco ceftriaxone cefazolin cefuroxime cefepime
ceftazidime cefoxitin cefotaxime cephalexin cefadroxil cefixime cefprozil ceftaroline cefiderocol
meropenem ertapenem imipenem doripenem aztreonam gentamicin tobramycin amikacin streptomycin
clindamycin linezolid tedizolid daptomycin tigecycline doxycycline minocycline metronidazole tinidazole
nitrofurantoin fosfomycin trimethoprim sulfamethoxazole tmp-smx cotrimoxazole rifampin rifampicin
rifabutin rifapentine rifaximin isoniazid pyrazinamide ethambutol bedaquiline dapsone atovaquone
pentamidine ivermectin albendazole mebendazole praziquantel pyrantel chloroquine hydroxychloroquine
mefloquine primaquine tafenoquine artesunate artemether lumefantrine quinine
acyclovir valacyclovir famciclovir ganciclovir valganciclovir foscarnet cidofovir letermovir maribavir
oseltamivir zanamivir peramivir baloxavir remdesivir molnupiravir nirmatrelvir ritonavir cobicistat
tenofovir emtricitabine abacavir lamivudine zidovudine dolutegravir bictegravir raltegravir elvitegravir
cabotegravir rilpivirine efavirenz doravirine etravirine nevirapine darunavir atazanavir lopinavir
lenacapavir fostemsavir ibalizumab maraviroc entecavir sofosbuvir velpatasvir ledipasvir glecaprevir
pibrentasvir voxilaprevir
fluconazole itraconazole voriconazole posaconazole isavuconazole amphotericin caspofungin micafungin
anidulafungin rezafungin nystatin terbinafine clotrimazole miconazole ketoconazole griseofulvin
norepinephrine noradrenaline epinephrine adrenaline phenylephrine vasopressin dopamine dobutamine
milrinone isoproterenol ephedrine angiotensin levosimendan dexmedetomidine propofol ketamine etomidate
midazolam lorazepam diazepam clonazepam alprazolam temazepam oxazepam chlordiazepoxide clobazam
fentanyl sufentanil remifentanil hydromorphone morphine oxycodone hydrocodone codeine tramadol
tapentadol methadone buprenorphine naloxone naltrexone nalbuphine butorphanol meperidine pethidine
rocuronium vecuronium cisatracurium succinylcholine sugammadex neostigmine glycopyrrolate atropine
furosemide bumetanide torsemide ethacrynic hydrochlorothiazide chlorthalidone indapamide metolazone
spironolactone eplerenone finerenone amiloride triamterene acetazolamide mannitol tolvaptan
amiodarone dronedarone sotalol flecainide propafenone dofetilide ibutilide adenosine digoxin diltiazem
verapamil metoprolol bisoprolol carvedilol atenolol propranolol nadolol labetalol esmolol nebivolol
amlodipine nifedipine felodipine nicardipine clevidipine hydralazine minoxidil clonidine methyldopa
nitroglycerin isosorbide nitroprusside ranolazine ivabradine sacubitril valsartan losartan irbesartan
candesartan telmisartan olmesartan ramipril lisinopril enalapril perindopril quinapril trandolapril
captopril benazepril fosinopril
atorvastatin rosuvastatin simvastatin pravastatin pitavastatin lovastatin fluvastatin ezetimibe
evolocumab alirocumab inclisiran bempedoic icosapent fenofibrate gemfibrozil cholestyramine colesevelam
apixaban rivaroxaban edoxaban dabigatran warfarin heparin enoxaparin dalteparin tinzaparin fondaparinux
argatroban bivalirudin alteplase tenecteplase reteplase clopidogrel prasugrel ticagrelor cangrelor
eptifibatide tirofiban abciximab dipyridamole cilostazol pentoxifylline tranexamic idarucizumab andexanet
protamine phytonadione
metformin glyburide gliclazide glimepiride glipizide repaglinide nateglinide pioglitazone rosiglitazone
sitagliptin linagliptin saxagliptin alogliptin empagliflozin dapagliflozin canagliflozin ertugliflozin
semaglutide liraglutide dulaglutide exenatide lixisenatide tirzepatide insulin glargine detemir degludec
lispro aspart glulisine
levothyroxine liothyronine methimazole propylthiouracil
prednisone prednisolone methylprednisolone hydrocortisone dexamethasone budesonide fludrocortisone
triamcinolone betamethasone fluticasone mometasone beclomethasone ciclesonide
salbutamol albuterol levalbuterol terbutaline salmeterol formoterol vilanterol olodaterol indacaterol
ipratropium tiotropium umeclidinium glycopyrronium aclidinium montelukast roflumilast theophylline
omalizumab mepolizumab benralizumab reslizumab dupilumab tezepelumab tralokinumab lebrikizumab
adalimumab infliximab etanercept certolizumab golimumab ustekinumab vedolizumab risankizumab guselkumab
mirikizumab secukinumab ixekizumab brodalumab bimekizumab tildrakizumab tocilizumab sarilumab abatacept
anakinra canakinumab rituximab ocrelizumab ofatumumab natalizumab alemtuzumab belimumab anifrolumab
tofacitinib baricitinib upadacitinib abrocitinib ruxolitinib deucravacitinib apremilast
methotrexate leflunomide sulfasalazine azathioprine mycophenolate tacrolimus cyclosporine sirolimus
everolimus cyclophosphamide mesalamine mesalazine balsalazide olsalazine
levetiracetam phenytoin fosphenytoin carbamazepine oxcarbazepine eslicarbazepine lamotrigine valproate
valproic divalproex topiramate zonisamide lacosamide brivaracetam perampanel cenobamate rufinamide
vigabatrin ethosuximide primidone phenobarbital gabapentin pregabalin stiripentol fenfluramine
cannabidiol
sertraline fluoxetine paroxetine citalopram escitalopram fluvoxamine venlafaxine desvenlafaxine
duloxetine levomilnacipran vortioxetine vilazodone bupropion mirtazapine trazodone nefazodone
amitriptyline nortriptyline imipramine desipramine clomipramine doxepin phenelzine tranylcypromine
moclobemide lithium quetiapine olanzapine risperidone paliperidone aripiprazole brexpiprazole
cariprazine lurasidone ziprasidone asenapine iloperidone clozapine haloperidol loxapine chlorpromazine
perphenazine fluphenazine flupentixol zuclopenthixol pimozide methotrimeprazine lumateperone
buspirone hydroxyzine zopiclone eszopiclone zolpidem zaleplon suvorexant lemborexant daridorexant
melatonin methylphenidate lisdexamfetamine dextroamphetamine amphetamine atomoxetine guanfacine
viloxazine modafinil armodafinil solriamfetol pitolisant donepezil rivastigmine galantamine memantine
lecanemab donanemab aducanumab levodopa carbidopa entacapone opicapone rasagiline selegiline safinamide
pramipexole ropinirole rotigotine apomorphine amantadine benztropine trihexyphenidyl tetrabenazine
deutetrabenazine valbenazine pimavanserin baclofen tizanidine cyclobenzaprine methocarbamol dantrolene
sumatriptan rizatriptan zolmitriptan eletriptan naratriptan almotriptan frovatriptan lasmiditan
ubrogepant rimegepant atogepant erenumab fremanezumab galcanezumab eptinezumab onabotulinumtoxina
acetaminophen paracetamol ibuprofen naproxen diclofenac ketorolac indomethacin meloxicam celecoxib
ketoprofen piroxicam colchicine allopurinol febuxostat probenecid pegloticase
omeprazole esomeprazole pantoprazole lansoprazole rabeprazole dexlansoprazole famotidine ranitidine
sucralfate misoprostol ondansetron granisetron metoclopramide domperidone prochlorperazine
dimenhydrinate promethazine aprepitant fosaprepitant dronabinol nabilone loperamide bisacodyl sennosides
docusate polyethylene lactulose linaclotide lubiprostone prucalopride methylnaltrexone naloxegol
ursodeoxycholic cholestyramine
alendronate risedronate ibandronate zoledronic denosumab romosozumab teriparatide abaloparatide
raloxifene calcitriol alfacalcidol cinacalcet etelcalcetide sevelamer lanthanum patiromer
erythropoietin epoetin darbepoetin filgrastim pegfilgrastim
finasteride dutasteride tamsulosin alfuzosin silodosin oxybutynin tolterodine solifenacin mirabegron
vibegron sildenafil tadalafil vardenafil
oxytocin carboprost dinoprostone methylergonovine
estradiol progesterone medroxyprogesterone norethindrone levonorgestrel etonogestrel drospirenone
letrozole anastrozole exemestane tamoxifen fulvestrant leuprolide goserelin degarelix relugolix
enzalutamide apalutamide darolutamide abiraterone bicalutamide
pembrolizumab nivolumab ipilimumab atezolizumab durvalumab cemiplimab dostarlimab avelumab
trastuzumab pertuzumab bevacizumab cetuximab panitumumab daratumumab isatuximab elotuzumab
lenalidomide pomalidomide thalidomide bortezomib carfilzomib ixazomib ibrutinib acalabrutinib
zanubrutinib venetoclax imatinib dasatinib nilotinib bosutinib ponatinib osimertinib erlotinib
gefitinib afatinib alectinib crizotinib lorlatinib brigatinib palbociclib ribociclib abemaciclib
olaparib niraparib rucaparib talazoparib capecitabine fluorouracil gemcitabine oxaliplatin cisplatin
carboplatin paclitaxel docetaxel vincristine vinblastine vinorelbine doxorubicin epirubicin
daunorubicin idarubicin etoposide irinotecan topotecan temozolomide bendamustine chlorambucil
melphalan busulfan ifosfamide mesna cytarabine azacitidine decitabine hydroxyurea fludarabine
cladribine pemetrexed blinatumomab brentuximab
`;

/** Organisms (genera and a few species) as named in microbiology results. */
export const ORGANISMS = `
pseudomonas enterobacter enterococcus streptococcus staphylococcus klebsiella escherichia proteus serratia
citrobacter morganella providencia acinetobacter stenotrophomonas burkholderia achromobacter haemophilus
moraxella neisseria kingella eikenella cardiobacterium aggregatibacter actinobacillus pasteurella
capnocytophaga bartonella brucella francisella yersinia vibrio aeromonas plesiomonas campylobacter
helicobacter salmonella shigella listeria legionella bordetella corynebacterium cutibacterium
propionibacterium bacillus clostridium clostridioides peptostreptococcus bacteroides fusobacterium
prevotella porphyromonas veillonella actinomyces nocardia rhodococcus mycobacterium mycoplasma
ureaplasma chlamydia chlamydophila rickettsia ehrlichia anaplasma coxiella borrelia treponema leptospira
tropheryma gardnerella lactobacillus leuconostoc pediococcus granulicatella abiotrophia gemella
rothia micrococcus dermabacter arcanobacterium erysipelothrix streptobacillus elizabethkingia
chryseobacterium sphingomonas ralstonia raoultella hafnia pantoea cronobacter edwardsiella
candida cryptococcus aspergillus mucor rhizopus lichtheimia cunninghamella fusarium scedosporium
lomentospora sporothrix histoplasma blastomyces coccidioides paracoccidioides talaromyces penicillium
pneumocystis malassezia trichophyton microsporum epidermophyton exophiala alternaria bipolaris
curvularia cladosporium trichosporon rhodotorula saccharomyces geotrichum
plasmodium babesia toxoplasma giardia cryptosporidium cyclospora cystoisospora entamoeba naegleria
acanthamoeba balamuthia trichomonas leishmania trypanosoma schistosoma echinococcus taenia
strongyloides ascaris enterobius trichuris ancylostoma necator toxocara trichinella onchocerca
wuchereria brugia loa dracunculus fasciola clonorchis opisthorchis paragonimus diphyllobothrium
hymenolepis sarcoptes pediculus demodex
norovirus rotavirus adenovirus parvovirus enterovirus rhinovirus metapneumovirus coronavirus
astrovirus sapovirus bocavirus polyomavirus papillomavirus poxvirus orthopoxvirus hantavirus
flavivirus alphavirus arbovirus lyssavirus henipavirus paramyxovirus orthomyxovirus
aureus epidermidis lugdunensis saprophyticus haemolyticus pyogenes agalactiae dysgalactiae anginosus
mitis sanguinis salivarius gallolyticus bovis mutans pneumoniae faecalis faecium gallinarum
casseliflavus coli oxytoca aerogenes cloacae freundii koseri marcescens vulgaris morganii stuartii
baumannii maltophilia cepacia aeruginosa putida fluorescens influenzae parainfluenzae catarrhalis
meningitidis gonorrhoeae kingae corrodens hominis multocida canimorsus henselae quintana melitensis
tularensis enterocolitica pseudotuberculosis pestis cholerae parahaemolyticus vulnificus jejuni
pylori typhi paratyphi typhimurium enteritidis sonnei flexneri dysenteriae boydii monocytogenes
pneumophila pertussis parapertussis diphtheriae jeikeium striatum acnes anthracis cereus difficile
perfringens septicum tetani botulinum fragilis necrophorum nucleatum israelii asteroides
tuberculosis bovis avium intracellulare kansasii marinum abscessus chelonae fortuitum leprae ulcerans
genitalium hominis urealyticum trachomatis psittaci rickettsii typhi prowazekii chaffeensis
phagocytophilum burnetii burgdorferi afzelii garinii miyamotoi pallidum interrogans whipplei vaginalis
acidophilus
albicans glabrata parapsilosis tropicalis krusei auris lusitaniae guilliermondii dubliniensis neoformans
gattii fumigatus flavus niger terreus jirovecii capsulatum dermatitidis immitis posadasii brasiliensis
marneffei schenckii furfur rubrum mentagrophytes tonsurans canis floccosum
falciparum vivax ovale malariae knowlesi microti gondii lamblia intestinalis duodenalis parvum
cayetanensis histolytica dispar fowleri castellanii vaginalis donovani infantum braziliensis cruzi
brucei mansoni haematobium japonicum granulosus multilocularis solium saginata stercoralis
lumbricoides vermicularis trichiura duodenale americanus canis spiralis volvulus bancrofti
hepatica sinensis westermani scabiei capitis corporis humanus folliculorum
`;

/** Devices, lines, drains, implants and equipment named after makers or inventors. */
export const DEVICES = `
impella heartmate heartware jarvik berlin ecmo lvad rvad biad iabp cardiohelp novalung
port-a-cath portacath mediport powerport hickman broviac groshong quinton permcath tenckhoff vascath
picc midline swan swan-ganz cordis introducer arrow
pleurx aspira denver ommaya rickham jackson-pratt blake penrose hemovac redivac pigtail malecot
pezzer mic-key mickey bard corflo dobhoff salem levin ryles sengstaken minnesota blakemore linton
foley coude councill texas purewick
baha cochlear bahs
watchman amulet mitraclip pascal triclip evoque sapien evolut corevalve lotus   acurate
amplatzer   gore cardioform helex
micra aveir nanostim medtronic boston abbott biotronik sorin livanova microport
dexcom libre guardian omnipod tslim t:slim tandem minimed ypsomed accu-chek eversense
cpap bipap vpap avaps nippv hfnc optiflow airvo trilogy astral
ambu bougie glidescope mcgrath airtraq macintosh miller igel i-gel lma combitube king
     
dermabond steri-strips steristrips tegaderm mepilex allevyn aquacel duoderm kerlix coban
vac prevena wound-vac
bovie harmonic ligasure enseal thunderbeat
da-vinci davinci mako rosa
philadelphia aspen miami miami-j halo   thomas      
aircast cam
kirschner k-wire steinmann ilizarov taylor
biopatch chloraprep duraprep betadine hibiclens
holter zio ziopatch kardia
fitbit
inspire vns dbs neurostimulator rns neuropace
gliadel
essure mirena kyleena jaydess liletta paragard nexplanon implanon
cryoballoon arctic
stryker zimmer depuy smith-nephew synthes
`;

/** Procedures, surgeries and techniques that are eponymous or otherwise capitalized. */
export const PROCEDURES = `
whipple nissen   dor heller roux hartmann billroth kasai ladd   bassini lichtenstein  
    mcvay pfannenstiel     kocher mercedes chevron
ventriculostomy thoracostomy tracheostomy gastrostomy jejunostomy colostomy ileostomy nephrostomy
cystostomy cholecystostomy sphincterotomy craniotomy craniectomy laminectomy discectomy foraminotomy
kyphoplasty vertebroplasty arthroplasty
seldinger ross   bentall   david fontan glenn norwood blalock taussig    
  mustard     kaye   warden
mohs moh lefort le-fort
ponseti pavlik salter     chiari ganz bernese
latarjet bankart   weaver dunn jones     evans    
tommy john tommy-john
mcdonald shirodkar cerclage
lefort manchester burch marshall marchetti krantz
essure
kelly pfannenstiel joel-cohen  
mcindoe abbe    
cheiloplasty
hartmann's
`;

/** Scores, scales, classifications and criteria named after people, places or acronyms. */
export const SCORES = `
apgar bishop tanner mallampati cormack lehane cormack-lehane wells geneva perc curb curb-65 crb-65 psi port
heart timi grace chads chads2 cha2ds2-vasc vasc hasbled has-bled orbit atria
killip forrester nyha ccs rutherford fontaine
child child-pugh pugh meld meld-na maddrey lille glasgow-blatchford blatchford rockall forrest
ranson bisap apache saps sofa qsofa sirs news news2 mews pews
alvarado pas rips centor mcisaac feverpain
nexus canadian pecarn
gcs fast efast
braden norton waterlow morse tinetti berg fim barthel katz lawton karnofsky ecog kps
moca mmse slums sage
phq phq-9 phq9 gad gad-7 gad7 epds audit audit-c cage crafft dast cows ciwa ciwa-ar rass cam cam-icu
scoff hads beck hamilton madrs ymrs panss bprs aims
edss alsfrs nihss mrs rankin hunt hess fisher wfns spetzler spetzler-martin abcd2 ascod toast
ich abc2
stop-bang epworth berlin
gold mrc cat bode
bosniak birads bi-rads tirads ti-rads lirads li-rads pirads pi-rads orads o-rads lung-rads
gleason isup breslow clark tnm figo ann arbor lugano rai binet durie salmon iss riss ipss ipss-r
nottingham bloom richardson
salter harris salter-harris weber danis-weber lauge-hansen garden pauwels schatzker neer gustilo
anderson tscherne denis frankel asia sanders hawkins ficat steinberg kellgren kellgren-lawrence
outerbridge tegner lysholm womac koos oxford constant dash quickdash
los-angeles savary-miller prague montreal mayo truelove truelove-witts harvey-bradshaw cdai sesd
sescd rutgeerts boston aronchick ottawa bristol rome
parkland brooke galveston lund browder lund-browder
duke jones jones' light light's modified
ranson's ballard dubowitz finnegan
mcdonald revised ilae
hoehn yahr hoehn-yahr updrs
kurtzke
blantyre
wagner texas pedis
ceap villalta caprini padua khorana pesi spesi hestia
clavien clavien-dindo
asa
aldrete
`;

/** Eponyms and eponymous signs, syndromes and findings not in the main list. */
export const MORE_EPONYMS = `
trousseau chvostek kernig brudzinski flint graham steell steele sister joseph
rinne weber   froment tinel phalen   finkelstein   spurling lhermitte hoover
babinski oppenheim gordon chaddock hoffman hoffmann romberg     dix-hallpike hallpike
apley mcmurray thessaly lachman pivot anterior drawer thompson simmonds   homan homans pratt
allen adson roos wright halstead neer hawkins jobe empty-can obrien o'brien speed yergason crank
apprehension relocation sulcus patte gerber belly-press bear-hug drop-arm painful-arc   mill
golfer  
faber fadir patrick gaenslen thomas ober ely trendelenburg galeazzi ortolani barlow allis
kehr cullen grey-turner turner fothergill   murphy rovsing psoas obturator    
mcburney lanz boas courvoisier virchow troisier sister-mary-joseph  
levine beck cushing charcot reynolds whipple virchow's triad pentad tetrad
kussmaul cheyne stokes biot
auer howell jolly howell-jolly heinz   cabot dohle döhle pelger huet pelger-huet reed sternberg
reed-sternberg mallory   russell   call   schiller duval psammoma
janeway osler roth splinter quincke corrigan de-musset musset muller müller traube duroziez hill
mayne becker     gerhardt
takotsubo tako-tsubo brugada wolff parkinson white lown ganong lown-ganong-levine
ludwig vincent quinsy lemierre
bankart hill-sachs sachs segond stener bennett rolando boxer jones smith barton chauffeur galeazzi
monteggia essex-lopresti essex lopresti maisonneuve tillaux pilon lisfranc chopart jefferson hangman
chance clay-shoveler clay  
baker bartholin skene montgomery meibomian zeis moll
dupuytren ledderhose peyronie garrod
tzanck wood darier nikolsky asboe-hansen auspitz koebner köbner
broca wernicke korsakoff gerstmann anton balint bálint charles bonnet capgras fregoli cotard
todd jacksonian lennox gastaut lennox-gastaut west dravet   landau   landau-kleffner rasmussen
  aicardi angelman rett sturge weber sturge-weber
tolosa hunt tolosa-hunt gradenigo   millard   millard-gubler   weber parinaud
claude   wallenberg dejerine roussy dejerine-roussy
holmes adie holmes-adie argyll robertson marcus gunn horner
kayser fleischer kayser-fleischer kimmelstiel wilson
hirschsprung meckel
zenker killian
schatzki plummer vinson plummer-vinson paterson kelly
mallory weiss boerhaave
barrett cameron dieulafoy
menetrier ménétrier
ogilvie
crohn
felty still sjogren
raynaud
kawasaki takayasu buerger behcet
churg strauss churg-strauss wegener
henoch schonlein henoch-schonlein
goodpasture alport berger fanconi bartter gitelman liddle
conn cushing addison nelson sheehan kallmann klinefelter turner noonan
graves basedow hashimoto de-quervain quervain riedel
pendred wolfram
prader willi prader-willi angelman
williams digeorge di-george velocardiofacial
marfan loeys dietz loeys-dietz ehlers danlos
osgood schlatter sinding larsen sever kohler freiberg kienbock kienböck preiser legg calve perthes
scheuermann
paget
ewing wilms burkitt hodgkin kaposi merkel
krukenberg sister-joseph
pancoast
trousseau's
waldenstrom
castleman rosai dorfman rosai-dorfman   kikuchi-fujimoto
kasabach merritt kasabach-merritt
evans
lemierre
fitz-hugh-curtis fitz hugh curtis
jarisch herxheimer jarisch-herxheimer
stevens johnson stevens-johnson lyell
reiter
tietze
mondor
hamman
kussmaul
korotkoff
valsalva muller
bainbridge bezold-jarisch cushing's
frank starling frank-starling
poiseuille laplace fick
hagen
`;
