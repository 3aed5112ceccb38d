// Everyday English words, written for wakeforge: single words for general-speech negatives and
// the vocabulary that confusable phrases draw sound-alike words from.

export const COMMON_WORDS: readonly string[] = `
a about above across act add after again against age ago air all almost alone along already
also always am among and animal another answer any anything apple area arm around art as ask
at away baby back bad bag ball bank base be bear beat beautiful because bed been before begin
behind believe below best better between big bird black blue board boat body book both bottle
box boy bread break bring brother brown build bus business busy but buy by call came can car
card care carry case cat catch cause center chair chance change check child children city
class clean clear close clothes cold color come common cook cool corner could count country
course cover cry cup cut dark day dead deal dear decide deep dinner do doctor does dog done
door down draw dream dress drink drive drop dry during each early earth east easy eat egg
eight either else end enough even evening ever every eye face fact fall family far farm fast
father feel feet few field fill find fine finger finish fire first fish five floor flower fly
follow food foot for forget form four free friend from front full fun game garden gate gave
get girl give glass go gold gone good got great green ground group grow had hair half hall
hand happy hard has hat have he head hear heart heavy help her here high hill him his hold
holiday home hope horse hot hour house how hundred hurry idea if important in inside into
iron island it job join jump just keep key kind king kitchen knew know lady lake land large
last late laugh learn leave left leg less let letter life light like line lion list listen
little live long look lost lot loud love low lunch machine made make man many map mark market
matter may me mean meet milk mind minute miss money month moon more morning most mother
mountain mouth move much music must my name near need never new news next nice night nine no
noise north nose not note nothing now number ocean of off office often oil old on once one
only open or orange order other our out over own page paint paper park part party pass past
pay pen people person pick picture piece place plan plant play please pocket point poor
possible pull push put question quick quiet rain ran reach read ready real red remember rest
rich ride right ring river road rock room round rule run sad safe said salt same sand save
saw say school sea seat second see seem sell send seven shall she ship shoe shop short should
show side simple sing sister sit six size sleep slow small smile snow so soft some something
son song soon sound south speak stand star start station stay step still stone stop story
street strong study such sugar summer sun sure table take talk tall teacher tell ten than
thank that the their them then there these they thing think this those thought three through
time tired to today together told tomorrow too took top town train tree true try turn two
under until up us use very visit voice wait walk wall want warm was wash watch water way we
wear weather week well went were west what wheel when where which while white who why wide
will wind window winter wish with without woman wonder wood word work world would write
wrong yard year yellow yes yesterday you young your
`
  .trim()
  .split(/\s+/);

/**
 * Further words and names, chosen because they sound like parts of typical wake phrases
 * ("hey", "okay", "hello", names of two or three syllables); confusables draw on them too.
 */
export const SOUND_ALIKE_WORDS: readonly string[] = `
hay hey hi high hoe ho hair hare hate hail hale heyday hooray hurray hello hollow
halo yellow fellow mellow jello okay ok oak okra coke cake ray rain stay day may say way
nova novel nover never nova's novak novella bossa over clover rover hover lover cover
mover nob knob nodding noble nobel node nope noway noah nora norah dora cora vera vega
viva diva java lava larva sofa soda coda yoda toga yoga polka vodka mocha cobra zebra
opera alpha delta gamma sigma omega aurora sonora corona cassandra alexa alexis alex
alexander lexus lexa siri series serious cereal carry cherry jerry terry sherry harry
mary marry merry computer commuter compute commute jarvis harvest marvel travis service
mycroft microsoft minecraft crafty rhasspy raspy wasp jasper timer time tiger tiny
weather whether feather leather heather echo eco gecko deco ecko ego amigo
google goggle giggle gargle cortana montana banana santana bixby busby
`
  .trim()
  .split(/\s+/);
