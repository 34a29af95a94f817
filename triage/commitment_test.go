package triage

import "testing"

func TestCommitment(t *testing.T) {
	cal := china(t)
	tests := []struct {
		name string
		r    Result
		want string
	}{
		{"paid with estimate, remote",
			Result{Warranty: WarrantyResult{Status: OutOfWarranty, Estimate: Estimate{0, 800, 80, 200}}, Priority: PriorityNormal,
				SLA: SLA{FirstResponseBy: at(t, "2026-11-23 12:00")}},
			"给您添麻烦了，非常抱歉！您的报修已登记，工单号 RS20261122-0001。按您说的购买时间，产品已过保修期，一般需要付费维修：工程师检测后先报价，您同意后才会维修，预计费用：配件 0–800 元，人工 80–200 元，以工程师检测后的报价为准。我们将在 11月23日（周一）12:00 前联系您。"},
		{"user damage without prices",
			Result{Warranty: WarrantyResult{Status: UserDamage}, Priority: PriorityNormal, OnSite: true,
				SLA: SLA{FirstResponseBy: at(t, "2026-11-23 12:00")}},
			"给您添麻烦了，非常抱歉！您的报修已登记，工单号 RS20261122-0001。按您描述的情况，可能不在免费保修范围（以工程师检测为准）；如需付费，检测后会先报价，您同意后才会维修，费用待工程师检测后报价。我们将在 11月23日（周一）12:00 前联系您，预约工程师上门时间。"},
		{"paid, urgent: a hazard first, no price in the same breath",
			Result{Warranty: WarrantyResult{Status: OutOfWarranty, Estimate: Estimate{0, 3000, 0, 300}}, Priority: PriorityUrgent,
				SLA: SLA{FirstResponseBy: at(t, "2026-11-22 14:30")}},
			"给您添麻烦了，非常抱歉！您的报修已登记，工单号 RS20261122-0001。是否收费和费用，等工程师上门检测后再和您确认；现在请先保证安全。您的问题已按紧急处理。我们将在 11月22日（周日）14:30 前联系您。"},
		{"unknown warranty, urgent",
			Result{Warranty: WarrantyResult{Status: WarrantyUnknown}, Priority: PriorityUrgent,
				SLA: SLA{FirstResponseBy: at(t, "2026-11-22 14:30")}},
			"给您添麻烦了，非常抱歉！您的报修已登记，工单号 RS20261122-0001。保修情况需要核实，请准备好购买凭证（发票或订单截图）。您的问题已按紧急处理。我们将在 11月22日（周日）14:30 前联系您。"},
	}
	for _, tt := range tests {
		if got := Commitment(tt.r, "RS20261122-0001", cal); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
