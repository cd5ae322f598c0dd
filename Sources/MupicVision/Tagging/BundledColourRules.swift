/// The colour-rule table shipped with Mupic (format: see `ColourRuleTable`).
///
/// It is data, kept as text so that it is reviewed and tuned as a table; an operator can
/// load a tuned copy with `ColourRuleTable(contentsOf:)`. It lives in a Swift file only
/// because the MupicVision target declares no resources yet.
enum BundledColourRules {
    static let tsv = """
        # Colour rules for the offline tagger (HeuristicPhotoTagger).
        # One rule per line: tag_id <TAB> score <TAB> conditions <TAB> note.
        # Conditions: measure>=x, measure<=x (all must hold), season=id[,id] (EXIF season), always,
        # or else (only when no other rule of the tag's facet matched). Measures are fractions 0..1
        # (warmth -1..1) from ColourStats: brightness, contrast, saturation, warmth, sky_blue (top third),
        # white, dark, grey. Several rules may give one tag; the highest score counts. At most two tags
        # per facet survive. Scores stay low: colour is a hint, not a scene model.
        # Calibrated on the developer sample (shared/photos, Sample A); re-check with the tagger tests.

        # weather: only what colour can tell. Rain has no colour signature here and is left to models.
        sunny\t0.45\tsky_blue>=0.6\tclear blue sky in the top third (all shine photos: 0.64-1.00)
        cloudy\t0.35\tgrey>=0.35 sky_blue<=0.25 saturation<=0.3\tgrey, washed-out and no blue sky
        foggy\t0.4\tgrey>=0.5 saturation<=0.1 contrast<=0.13\tflat grey haze with almost no contrast
        foggy\t0.3\tgrey>=0.9 saturation<=0.05 contrast<=0.2\tnearly the whole picture is colourless grey
        snowy\t0.35\twhite>=0.35 brightness>=0.5 sky_blue<=0.5 season=winter\tmuch white, in winter
        cold\t0.3\twhite>=0.2 season=winter\twhite ground or sky, in winter

        # style
        bright\t0.35\tbrightness>=0.6\thigh mean brightness
        dark\t0.35\tbrightness<=0.25\tlow mean brightness
        dark\t0.3\tdark>=0.45\thalf the picture is near black
        dreamy\t0.3\tbrightness<=0.35 saturation<=0.2\tdim and colourless
        dreamy\t0.3\tcontrast<=0.12 saturation<=0.15\tsoft, hazy light
        warm\t0.35\twarmth>=0.2\tred and gold outweigh blue
        romantic\t0.3\twarmth>=0.35 saturation>=0.5\tsaturated sunset or sunrise colours
        cool\t0.3\tsky_blue>=0.6 warmth<=-0.1\tblue, fresh daylight
        calm\t0.25\tcontrast<=0.15\tlittle contrast
        soft\t0.2\tcontrast<=0.18 brightness>=0.5\tlight and gentle
        comfortable\t0.1\telse\tno stronger style hint

        # emotion: weak mood hints so that a photo never lacks one
        mood_change\t0.25\tsky_blue>=0.6 brightness>=0.45\tbright open sky
        happiness\t0.25\tsaturation>=0.45 brightness>=0.45\tbright, vivid colours
        nostalgia\t0.2\twarmth>=0.35 saturation>=0.5\tgolden-hour colours
        longing\t0.2\tgrey>=0.5 saturation<=0.15\tgrey, muted day
        loneliness\t0.2\tbrightness<=0.3\tdim picture
        comfort\t0.1\telse\tno stronger mood hint

        # situation: only outdoor-light hints; places need the scene model
        walk\t0.2\tsky_blue>=0.6 brightness>=0.45\ta clear day outside
        rest\t0.1\telse\tno stronger situation hint
        """
}
