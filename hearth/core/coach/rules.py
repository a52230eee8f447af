"""Hand-written linguistic cues.

The cues do two jobs. They feed the linear model as extra features (so the
model learns how far to trust each one), and they give the character spans
shown to the person ("these words are what made the coach say so").

Patterns run on normalised text (see ``text.normalise``), so offsets match
the original message.
"""

import re
from dataclasses import dataclass

YOU = r"(?:you|u|ya)"
YOURE = r"(?:you'?re|you are|ur|u r|u'?re|your|you were)"
TRAITS = (
    r"(?:selfish|lazy|useless|careless|inconsiderate|irresponsible|rude|cold|controlling|"
    r"thoughtless|self-centred|self-centered|unreliable|childish|mean|incapable|"
    r"impossible|cruel|heartless|hopeless|toxic|ungrateful|manipulative|fake|"
    r"the worst|a liar|a nightmare|so negative|always late|never there|self-absorbed|stubborn|"
    r"a hypocrite|judgemental|judgmental|negative|disrespectful|a control freak|difficult|"
    r"dishonest|arrogant|entitled|immature|unbearable|insensitive|impossible to \w+)"
)
FEELINGS = (
    r"(?:hurt|lonely|alone|anxious|sad|frustrated|worried|overwhelmed|embarrassed|"
    r"disappointed|scared|afraid|tired|left out|left behind|nervous|stressed|unsure|upset|"
    r"jealous|exhausted|unheard|ignored|tense|proud|fragile|close|low|ashamed|safe|"
    r"happy|angry|better|relieved|excited|unimportant|insecure|drained|"
    r"confused|down|guilty|grateful|loved|calm|stuck|on edge|flooded|raw|heartbroken|"
    r"panicky|uneasy|torn|disconnected|unappreciated|overlooked|sidelined|taken for granted|"
    r"let down|rejected|gutted|hopeful|content|thrilled|terrified|panicked|homesick|small|"
    r"unsettled|supported|cared for|touched|irritable|annoyed|uncomfortable|awkward|"
    r"conflicted|frazzled|miserable|humiliated|vulnerable)"
)

CUE_PATTERNS: dict[str, list[str]] = {
    "blame": [
        rf"\b{YOU} (?:always|never|constantly|keep|literally never|don't ever|never ever)\b",
        rf"\b{YOURE} (?:so |such an? |really |being |the most |just |too |incredibly |"
        rf"unbelievably |honestly |always |completely |totally )*{TRAITS}\b",
        rf"\b(?:i feel|it feels|i felt) (?:like|that|as if|as though) {YOU}\b",
        rf"\bwhy (?:can't|cant|won't|wont|don't|dont|do|must|are|is it that|did) {YOU}"
        rf"(?: \w+)?(?: \w+)? (?:ever|always|never)\b",
        rf"\bwhy (?:can't|cant|won't|wont|couldn't) {YOU} (?:just )?",
        rf"\bcan {YOU} ever\b",
        rf"\bhow come (?:{YOU}|{YOURE}) (?:always|never)\b",
        r"\bwhy (?:is it always me|do i always have to|am i always the one)\b",
        rf"\b{YOU} (?:made|make|makes|are making|'re making|re making) me "
        r"(?:feel (?:so )?(?:stupid|small|worthless|crazy|like)|so \w+|angry|miserable|late|"
        r"miss|look|do everything|sick)",
        r"\b(?:your|ur|yer) fault\b",
        r"\b(?:because of|thanks to) (?:you|your|ur)\b",
        r"\b(?:it's|its) always about you\b",
        r"\bwhat(?: is|'s|s) wrong with you\b",
        r"\bshould be (?:ashamed|embarrassed)\b",
        r"\bevery single time\b",
        r"\bcan't be trusted\b",
        rf"\b{YOU} (?:don't|dont|do not|never) (?:even )?(?:care|respect|listen|help|try|think)\b",
        rf"\b{YOU} (?:ruin|ruined|wreck|wrecked|put everyone)\b",
        rf"\b{YOU}(?:'ve| have) (?:ruined|wrecked|spoiled|spoilt|destroyed|wasted|messed up|"
        r"screwed up|embarrassed|humiliated|let (?:me|us|everyone) down)\b",
        rf"\b{YOU} (?:spoiled|spoilt|destroyed|wasted|embarrassed|humiliated|lied)\b",
        r"\bhow (?:hard|difficult) (?:is it|can it (?:be|possibly be)|would it be)\b",
        r"\bis it (?:really )?(?:too much|so hard|that hard) to\b",
        r"\bwould it (?:kill|hurt) you\b",
        r"\bwhat were you thinking\b",
        r"\bwhat(?:'s| is) your problem\b",
        r"\bwhy are you (?:like this|so \w+)\b",
        r"\bwho (?:does|leaves|forgets|says|acts like) (?:that|a)\b",
        rf"\b{YOURE} the reason\b",
        rf"\b{YOU} (?:treat|talk down|put me down|act like (?:the|i|i'm|you))\b",
        r"\b(?:yet|once) again,? you\b",
        rf"\b{YOU} only (?:ever )?\w+ when\b",
        rf"\b{YOU} (?:don't|dont|do not) (?:pull|appreciate|notice)\b",
        rf"\b{YOU} (?:forget|forgot) (?:again|literally everything|everything)\b",
        r"\bnot once\b",
        r"\btypical (?:you|of you)\b",
        rf"\b{YOU} (?:have|'ve) (?:never|stopped)\b",
        rf"\b{YOU} only (?:ever )?(?:think|care|call|text)\b",
    ],
    "contempt": [
        r"\b(?:idiot|moron|loser|clown|pathetic|disgusting|disgust|muppet|imbecile|dumbass|"
        r"stupid|einstein|princess|drama queen|waste of space|embarrassing|ridiculous|"
        r"laughable|clueless|dense|thick|numbskull|dimwit|halfwit|"
        r"a joke|such a joke|lame|weak)\b",
        r"\b(?:nice one|real mature|real smooth|real classy|well done|"
        r"alert the press|want a medal|cry me a river|boo hoo|poor (?:you|baby|thing)|"
        r"your majesty|grow up|"
        r"genius|oh great|oh sure|oh brilliant|oh wow|so thoughtful|"
        r"really touching|what are you,? (?:five|5|twelve)|not\.$)",
        r"\bthanks? (?:(?:so|very) much|a lot|a bunch|a million|heaps|for nothing)\b",
        r"\b(?:can't|cant) (?:even )?look at you\b",
        r"\bcould you be any more\b",
        r"\bdo you even hear yourself\b",
        r"\btry using your brain\b",
        r"\bfor once\b",
        r"🙄|😒|🤡",
        r"\b(?:how|so|very) (?:generous|thoughtful|considerate|gracious|noble|brave|big|mature|"
        r"original|sweet) of you\b",
        r"\b(?:the )?world'?s (?:best|greatest|leading|foremost|biggest|number one)\b",
        r"\b(?:mother|father|mum|mom|dad|husband|wife|boyfriend|girlfriend|employee|parent|"
        r"son|daughter|friend) of the year\b",
        r"\b(?:oh|ah|wow),? (?:right|fantastic|perfect|lovely|wonderful|marvellous|amazing|"
        r"how original)\b",
        r"\bwow,? real \w+",
        r"\b(?:mr\.?|miss|little miss) (?:perfect|know[- ]it[- ]all|big ?shot|expert)\b",
        r"\bknow[- ]it[- ]all\b",
        r"\b(?:a parade|a medal|gold star|standing ovation|call the news|hold the front page)\b",
        r"\b(?:gross|vile|disgrace|sickening|cringe|brat|slob|freeloader|numpty|walnut|creep|"
        r"coward|snowflake|brainless|braindead|spineless)\b",
        r"\bmakes? me sick\b",
    ],
    "defensiveness": [
        r"\bnot (?:my fault|on me|my problem|my job)\b",
        r"\bdon'?t (?:put|blame|pin) (?:this |it |that )?(?:on )?me\b",
        r"\bdon'?t look at me\b",
        r"\bwhy (?:is this|is it|are you blaming) (?:suddenly )?(?:on )?me\b",
        r"\bso now it'?s my fault\b",
        r"\bwhat about (?:when|you|last)\b",
        rf"\b{YOU} do (?:it|that|exactly the same|the same)(?: thing)?(?: too)?\b",
        rf"\b{YOURE} one to talk\b",
        r"\bi only (?:did|said|forgot|shouted|yelled|did it|said it) (?:it |that )?because\b",
        r"\bhow (?:was|am|were) i (?:supposed|meant) to know\b",
        r"\bnobody (?:told|said|asked)\b",
        rf"\b{YOU} (?:didn't|didnt|never) (?:tell|remind|say|said|ask)\b",
        r"\bi can'?t do anything right\b",
        r"\bnothing i do is (?:ever )?(?:good|right)\b",
        r"\bi'?m always the bad guy\b",
        r"\bi did my (?:best|part)\b",
        r"\bi was (?:busy|tired|working)\b",
        r"\bi had no choice\b",
        r"\bi can'?t do everything\b",
        r"\b(?:it was|blame) the (?:traffic|bus|weather|kids)\b",
        r"\byou started it\b",
        r"\bi wasn'?t even (?:there|home|here)\b",
        r"\b(?:i'?m|im) not the one\b",
        rf"\b{YOU} (?:were|was) the one\b",
        r"\bwhat do you expect\b",
        r"\bit wasn'?t me\b",
        rf"\b{YOU} didn'?t exactly\b",
        r"\bi didn'?t do anything wrong\b",
        r"\b(?:you'?re|your) (?:twisting|making things up|making it up)\b",
        r"\bthat'?s not what happened\b",
        r"\bi didn'?t (?:say|mean) it like that\b",
        r"\bat least i\b",
        r"\bif you(?:'d| had)(?:n't)? \w+",
        r"\bi (?:never|didn'?t) (?:touched|touch|took|take|broke|break|ate|eat|agreed|agree|"
        r"promised|promise)\b",
        r"\bi can(?:'?t|not) win\b",
        r"\b(?:i'?m|im) (?:always |just |obviously )?the (?:villain|bad guy|problem)\b",
        r"\bof course it'?s my fault\b|\bblame me\b",
        r"\bnot a mind ?reader\b|\bread your mind\b",
        r"\b(?:look|says) who'?s talking\b|\bsays the (?:person|one|guy|girl|man|woman)\b",
        r"\bi was (?:only|just) (?:trying|joking|helping|doing)\b",
        r"\bit'?s not like (?:i|you'?re)\b",
        r"\bi only \w+(?: \w+)? because\b",
        r"\bhad you\b",
        rf"\b{YOU} told me to\b",
        r"\b(?:what|how) (?:was|am) i (?:supposed|meant) to\b",
    ],
    "stonewalling": [
        r"^\W*(?:whatever|fine|k|ok|okay|mhm|yep|nope|forget it|drop it|never ?mind|"
        r"cool|sure|bye)\W*(?:\s+\W*(?:whatever|fine|k|ok|okay|mhm|yep|nope|cool|sure|bye|"
        r"done)\W*)*$",
        r"^\W*\.\.\.\W*$",
        r"\bi'?m not (?:discussing|talking about|doing|engaging|answering|interested|going to"
        r" (?:engage|discuss|talk))",
        r"\b(?:i'?m|im) done\b(?! with (?:you|us|this (?:marriage|relationship)))",
        r"\b(?:this |the )?conversation(?:'s| is)? over\b",
        r"\bend of discussion\b",
        r"\bleave me alone\b",
        r"\bgo away\b",
        r"\bdon'?t (?:text|call|message|bother|follow|wait up|even start)\b",
        r"\bnothing (?:more )?to (?:say|talk about)\b",
        r"\b(?:nothing|anything) (?:more )?to say to you\b",
        r"\bnot listening\b",
        r"\bi don'?t (?:care anymore|want to hear)\b",
        r"\b(?:no|it'?s) point(?:less)? (?:talking|discussing)",
        r"\b(?:we'?re|i'?m) not (?:having|doing) this\b",
        r"\bnot doing this\b",
        r"\bi'?m out\b",
        r"\bmuting\b",
        r"\bi'?m (?:leaving|going out)\b",
        r"\bforget (?:i said anything|it)\b",
        r"\bdo what(?:ever)? you (?:want|like)\b",
        r"\bnot talking\b",
        r"\bstop talking to me\b",
        r"\bdrop it\b",
        r"\bleave it\b",
    ],
    "breakup_threat": [
        r"\b(?:split up|break up|breaking up|broken up|divorce|divorced|call(?:ed)? it quits)\b",
        r"\bwe'?re (?:done|over|finished|through)\b",
        r"\bend(?:ing)? (?:this|things|us|the relationship|this relationship|the whole thing)\b",
        r"\b(?:leave|leaving) you\b",
        r"\bi should (?:just )?(?:leave|go)\b",
        r"\bmaybe i should go\b",
        r"\bwhy (?:are we|am i|do i|should i) (?:even |still )?(?:together|with you|married|stay)",
        r"\bbetter off (?:without you|apart|single)\b",
        r"\bhappier (?:single|apart|without)\b",
        r"\bfind (?:someone|somebody) else\b",
        r"\banother (?:girlfriend|boyfriend|partner|wife|husband)\b",
        r"\bpack your bags\b",
        r"\bmov(?:e|ing) out\b",
        r"\bdon'?t bother coming back\b",
        r"\bseparate ways\b",
        r"\bnot meant to be\b",
        r"\bno future for us\b",
        r"\b(?:this|our) (?:relationship|marriage|friendship) (?:was a mistake|is over|"
        r"is worth|worth it)\b",
        r"\bdon'?t want to be (?:your|with you|married)\b",
        r"\bnot (?:your|my) (?:friend|sister|brother|husband|wife) anymore\b",
        r"\bshould have left\b",
        r"\b(?:i'?m|im) done with (?:you|us|this (?:marriage|relationship))\b",
        r"\bwe shouldn'?t be (?:friends|together)\b",
        r"\bstop seeing each other\b",
        r"\bregret (?:ever )?(?:getting with|marrying|meeting) you\b",
        r"\bwant to be with you\b",
        r"\bwhy i(?:'m| am) (?:with you|married to you)\b",
        r"\bwhy i married you\b",
        r"\b(?:one more|last) (?:time|lie|chance|straw)\b",
    ],
    "dismissive": [
        r"\boverreact(?:ing|ed)?\b",
        r"\btoo (?:sensitive|emotional)\b",
        r"\b(?:not|no|hardly) (?:a |such a )?(?:big|huge) deal\b",
        r"\bcalm (?:down|yourself)\b",
        r"\bchill(?: out)?\b",
        r"\brelax\b",
        r"\bget over it\b",
        r"\bover it by now\b",
        r"\bmove on\b",
        r"\blet it go\b",
        r"\bmountain out of a molehill\b",
        r"\b(?:so|being) (?:dramatic|emotional|precious)\b",
        r"\bblow(?:ing)? (?:things|this|it|everything) (?:way )?out of proportion\b",
        r"\bbigger deal\b",
        r"\bnot that (?:serious|bad)\b",
        r"\bit'?s (?:just|only) (?:a |an |one )?\w+",
        r"\bit (?:was|is) (?:just|only) (?:a |one )?\w+",
        r"\bit'?s nothing\b",
        r"\bnothing to (?:be upset|get \w+|worry|cry)",
        r"\bworse things\b",
        r"\bhave it (?:way )?worse\b",
        r"\byou'?ll (?:be fine|get over|feel better)",
        r"\breading too much\b",
        r"\boverthinking\b",
        r"\btake (?:everything|it|things) (?:so )?personally\b",
        r"\blighten up\b",
        r"\bshouldn'?t feel\b",
        r"\bno (?:reason|need) to (?:be|feel|talk)\b",
        r"\bstop (?:crying|whining|stressing|being so|making it)\b",
        r"\bin your head\b",
        r"\bimagining things\b",
        r"\btake a joke\b",
        r"\bend of the world\b",
        r"\bworked up\b",
        r"\byour feelings (?:aren'?t|are not)\b",
        r"\bdeal with it\b",
        r"\bmaking it a thing\b",
        r"\bnot worth\b",
        r"\bdon'?t be (?:silly|such a baby|a baby)\b",
    ],
    "non_apology": [
        r"\b(?:sorry|apologi[sz]e|apologies) (?:that )?(?:you|u) (?:feel|felt|think|thought|took|"
        r"got|see|saw|misunderstood|can'?t|are (?:so )?(?:upset|offended|hurt|mad|angry)|"
        r"were (?:so )?(?:offended|upset|embarrassed|hurt)|'?re (?:upset|offended|mad|hurt)|"
        r"feel like)",
        r"\b(?:sorry|apologi[sz]e|apologies)\W* if\b",
        r"\bsorry\W* but\b",
        r"\bsorry (?:for )?(?:whatever|anything i)\b",
        r"\bfor anything i (?:may|might) have\b",
        r"\b(?:mistakes|errors) (?:were made|happened)\b",
        r"\b(?:things|words) (?:were|got) said\b",
        r"\bhappy now\b",
        r"\bsorry\W* (?:i guess|jeez|whatever)\b",
        r"\bi said sorry\b",
        r"\bsorry (?:that )?my (?:honesty|joke|words)\b",
        r"\bsorry for being such\b",
        r"\bfine\W* (?:i'?m )?sorry\b",
        r"\bsorry for any (?:confusion|inconvenience)\b",
        r"\bapologi[sz]e if anyone\b",
    ],
    "i_statement": [
        rf"\bi (?:feel|felt|am feeling|'m feeling|m feeling|get|got|was|'m|m|am|have been|'ve "
        rf"been|was feeling|get really|feel really) (?:so |really |a bit |kinda |pretty |quite |"
        rf"a little |very |totally |a lot |feeling |kind of |also |a bit of a )*{FEELINGS}\b",
        r"\bi need\b",
        r"\bi'?d (?:like|love) (?:some|a|to have|more)\b",
        r"\bi miss\b",
        r"\bit (?:hurt|hurts|stings|stung)\b",
        r"\b(?:matters?(?: a lot)?|important) to me\b",
        r"\bfor me,",
        r"\bi'?m (?:struggling|finding it|worried|scared|nervous|anxious)\b",
        r"\bi (?:get|got) (?:really )?(?:scared|overwhelmed|anxious|lonely|nervous|tense)\b",
        r"\bi (?:find|found) it (?:really |so )?(?:hard|difficult|tough)\b",
        r"\bi(?:'ve| have)? (?:been )?struggl(?:e|ing)\b",
        r"\bi'?m having a (?:hard|rough|tough) time\b",
        r"\bi (?:really )?want (?:us|to feel)\b",
        r"\bi'?m (?:really |so )?looking forward\b",
        r"\bmeans? a lot to me\b",
        r"\bmy (?:heart|stomach|chest)\b",
        r"\bi (?:panic|tend to|notice i)\b",
    ],
    "apology": [
        r"\bsorry (?:that )?i\b",
        r"\bsorry (?:for|about) (?:my|what i|the way i|being|how i|\w+ing)\b",
        r"\bi apologi[sz]e for\b",
        r"\bmy (?:fault|bad|mistake)\b",
        r"\b(?:that'?s|that was|totally|all|entirely) on me\b",
        r"\bi was (?:wrong|out of line|unfair|rude|mean|unkind|thoughtless)\b",
        r"\bi shouldn'?t have\b",
        r"\bi should (?:never )?have\b",
        r"\bi (?:really )?(?:messed|screwed) up\b",
        r"\bi take (?:full )?responsibility\b",
        r"\bi owe you an apology\b",
        r"\bforgive me\b",
        r"\bi regret (?:what|that i|saying|it)\b",
        r"\b(?:was|that was) (?:mean|unkind|rude|thoughtless|unfair|wrong) of me\b",
        r"\bi'?m (?:so |really )?sorry\b",
        r"\bwon'?t (?:happen|do it) again\b",
    ],
    "validation": [
        r"\bmakes? (?:total |complete |so much |perfect )?sense\b",
        r"\bi (?:can )?(?:totally |completely |really )?(?:see|get|understand) why\b",
        r"\bi get (?:it|that)\b",
        r"\bi hear (?:you|how|that)\b",
        r"\b(?:that|it) (?:sounds|must have been|must be)\b",
        r"\byou'?re (?:not wrong|right)\b",
        r"\byou(?:'ve| have)? (?:a|every) (?:good |fair )?(?:point|right|reason)\b",
        r"\bfair (?:point|enough)\b",
        r"\bunderstandable\b",
        r"\bno wonder\b",
        r"\bof course (?:you|that|it)\b",
        r"\b(?:it'?s|that'?s) (?:okay|ok|normal|fair|completely normal|totally normal)"
        r" (?:to feel|that you|to be)\b",
        r"\bvalid\b",
        r"\b(?:if i hear you right|what i'?m hearing|so what you'?re saying|so you'?re saying|"
        r"so you felt|let me check|what i'?m taking away|is that right|did i get that right)",
        r"\bwould (?:upset|make) me \w+ too\b",
        r"\banyone would\b",
        r"\bi can imagine\b",
        r"\bi understand\b",
    ],
    "appreciation": [
        r"\b(?:thank(?:s| you| u)|thx|ty|cheers|grateful|thankful|appreciate|appreciated)\b",
        r"\bproud of you\b",
        r"\byou'?re (?:the best|amazing|a great|such a (?:good|great|thoughtful|lovely))",
        r"\bi love (?:how|that|the way)\b",
        r"\byou made my day\b",
        r"\bmeans? (?:a lot|the world)\b",
        r"\b(?:impressed|fantastic|lovely|brilliant job|great job|good job)\b",
        r"\byou did (?:amazing|great|so well|such a good)\b",
        r"\badmire\b",
    ],
    "request": [
        rf"\b(?:could|can|would|will) (?:{YOU}|we)\b(?! ever)(?! not)",
        r"\bplease\b",
        r"\bpls\b",
        r"\bi'?d (?:love|like|appreciate) (?:it )?if you\b",
        r"\bhow about we\b",
        r"\bdo you think you could\b",
        r"\bis it ok(?:ay)? if\b",
        r"\bi'?d like to ask\b",
        r"\bwould it be (?:ok|okay|alright|all right)\b",
        r"\bwould you (?:be willing|mind|be able|be open|be up for)\b",
    ],
    "time_out": [
        r"\b(?:a |take a |short )?(?:break|pause|breather|time ?out)\b",
        r"\bpress(?:ing)? pause\b|\bpausing\b|\bhit pause\b",
        r"\bcool (?:down|off)\b",
        r"\bcalm down\b(?= (?:a bit|first|then|and))|\blet me calm down\b|\bto calm down\b",
        r"\bstep(?:ping)? away\b",
        r"\b(?:some|a bit of) space\b",
        r"\bclear my head\b|\bget my head together\b",
        r"\bon hold\b",
    ],
}

# Cues that are not labels themselves but help the model and the rewrites.
AUX_PATTERNS: dict[str, list[str]] = {
    "return": [
        r"\b(?:come|coming|be) back\b",
        r"\bback in\b",
        r"\btalk (?:again|later|tonight|tomorrow|properly|after|in|at|when)\b",
        r"\bpick (?:it|this) up\b",
        r"\b(?:after|later|tomorrow|tonight|this evening|in the morning|at breakfast)\b",
        r"\bin (?:\d+|five|ten|fifteen|twenty|thirty|half an|an) ?(?:min|minutes|mins|hour)",
        r"\buntil \w+|\btill \w+",
        r"\b(?:reconvene|resume|revisit|regroup|carry on|continue|try again|finish this)\b",
        r"\b(?:ring|call) you back\b|\bcome find you\b",
        r"\bi promise\b|\bpromise\b",
        r"\bat \d+\b|\bon (?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b",
        r"\bthen (?:we|i'?ll|let'?s)\b",
    ],
    "affection": [
        r"❤️|❤|😘|😍|🥰|💕|😂|🤣|😆|🤓|😜|😉",
        r"\b(?:love you|luv u|love ya|ily|haha+|hehe|lol|lmao)\b",
        r"\bnever change\b",
    ],
    "negation": [r"\b(?:not|never|no)\b|n't\b"],
}

_NEGATABLE = {"blame", "contempt", "dismissive", "breakup_threat", "stonewalling", "appreciation"}
_NEG_BEFORE = re.compile(
    r"(?:\bnot|\bnever|n't|\bno|\bnobody)\W+(?:\w+\W+){0,3}$|\bi (?:never|didn'?t) "
    r"(?:said|say|call|called|think|thought|mean|meant)\W+(?:\w+\W+){0,3}$"
)


def _compile(table: dict[str, list[str]]) -> dict[str, list[re.Pattern[str]]]:
    return {name: [re.compile(p) for p in pats] for name, pats in table.items()}


_CUES = _compile(CUE_PATTERNS)
_AUX = _compile(AUX_PATTERNS)


@dataclass(frozen=True)
class Hit:
    """One cue found in a message: a label (or helper cue) name and a span."""

    name: str
    start: int
    end: int
    negated: bool = False


_NOT_A_NEGATION = re.compile(r"n't (?:even |really )?know\W+$|\bno (?:idea|clue)\W+$")


def _negated(low: str, start: int) -> bool:
    window = low[max(0, start - 40) : start]
    if _NOT_A_NEGATION.search(window):
        return False
    return _NEG_BEFORE.search(window) is not None


def find_cues(low: str) -> list[Hit]:
    """All label cues in normalised text. Negated cues are kept but flagged."""
    hits: list[Hit] = []
    for name, pats in _CUES.items():
        for pat in pats:
            for m in pat.finditer(low):
                if m.end() == m.start():
                    continue
                neg = name in _NEGATABLE and _negated(low, m.start())
                hits.append(Hit(name, m.start(), m.end(), neg))
    return hits


def find_aux(low: str) -> list[Hit]:
    """Helper cues: a stated return (for breaks), affection (for teasing), negation."""
    hits: list[Hit] = []
    for name, pats in _AUX.items():
        for pat in pats:
            hits.extend(Hit(name, m.start(), m.end()) for m in pat.finditer(low))
    return hits
