//go:build !linux

package perceptron

func hugePages([]uint32) {} // huge pages are a Linux hint (huge_linux.go)
