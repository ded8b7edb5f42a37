package planchart

import "github.com/nonferrous/demand/plan"

// NewDocument returns the document of the reproduction: plan.NewDocument
// of study, with the ex-post check of set (plan.CheckExPost; set is the
// method set the study ran) and, where dir is not "", the charts of the
// study's main scenario (Write) and of the check (WriteExPost) written
// into dir and listed in Charts in that order. On an error it returns the
// document as far as it got, with the charts written so far, so that its
// Warnings can still be shown.
func NewDocument(study *plan.Study, set plan.MethodSet, dir string) (*plan.Document, error) {
	doc := plan.NewDocument(study)
	var err error
	if doc.ExPost, err = plan.CheckExPost(set); err != nil {
		return doc, err
	}
	if dir == "" {
		return doc, nil
	}
	if doc.Charts, err = Write(dir, study.Main); err != nil {
		return doc, err
	}
	ex, err := WriteExPost(dir, doc.ExPost)
	doc.Charts = append(doc.Charts, ex...)
	return doc, err
}
